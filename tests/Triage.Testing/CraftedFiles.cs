using System.Buffers.Binary;
using System.IO.Compression;

namespace Triage.Testing;

/// <summary>Image files written byte by byte, for headers and formats SkiaSharp does not encode.</summary>
public static class CraftedFiles
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A PNG with the given IHDR and one IDAT holding <paramref name="rows"/> (filter bytes included).</summary>
    public static byte[] Png(int width, int height, byte bitDepth, byte colourType, byte[] rows)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = bitDepth;
        ihdr[9] = colourType;

        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(file, "IHDR", ihdr);
        WriteChunk(file, "IDAT", Deflate(rows));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    /// <summary>A 16-bit RGB PNG of one colour; each sample is written as the 16-bit word given.</summary>
    public static byte[] Png16(int width, int height, ushort r, ushort g, ushort b)
    {
        var stride = 1 + width * 6;
        var rows = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var px = rows.AsSpan(y * stride + 1 + x * 6);
                BinaryPrimitives.WriteUInt16BigEndian(px, r);
                BinaryPrimitives.WriteUInt16BigEndian(px[2..], g);
                BinaryPrimitives.WriteUInt16BigEndian(px[4..], b);
            }
        }

        return Png(width, height, 16, 2, rows);
    }

    /// <summary>A PNG whose header claims a huge size; its pixel data is a few bytes.</summary>
    public static byte[] PngClaiming(int width, int height) => Png(width, height, 8, 2, new byte[64]);

    /// <summary>The classic 1x1 GIF89a.</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>An uncompressed 24-bit BMP of one grey.</summary>
    public static byte[] Bmp(int width, int height)
    {
        var stride = (width * 3 + 3) & ~3;
        var bmp = new byte[54 + stride * height];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        bmp.AsSpan(54).Fill(0x80);
        return bmp;
    }

    private static void WriteChunk(Stream file, string type, byte[] data)
    {
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc(chunk.AsSpan(4, 4 + data.Length)));
        file.Write(chunk);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
