using System.Buffers.Binary;
using System.Text;

namespace Triage.Ml.Tests.Models;

/// <summary>Reads the vna_flags of an ELF64 little-endian library's version requirements (.gnu.version_r).</summary>
internal static class VersionRequirementFlags
{
    public static IReadOnlyList<ushort> Read(ReadOnlySpan<byte> elf, string library, string version)
    {
        var sectionHeaders = (int)BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3a..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3c..]);
        var flags = new List<ushort>();
        for (var section = 0; section < sectionCount; section++)
        {
            var header = elf[(sectionHeaders + section * headerSize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != 0x6ffffffe)
                continue;

            var linked = elf[(sectionHeaders + (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]) * headerSize)..];
            var strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(linked[0x18..]);
            var need = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            for (var n = 0; n < BinaryPrimitives.ReadUInt32LittleEndian(header[0x2c..]); n++)
            {
                var file = Name(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 4)..]));
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 8)..]);
                for (var a = 0; a < BinaryPrimitives.ReadUInt16LittleEndian(elf[(need + 2)..]); a++)
                {
                    if (file == library && Name(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 8)..])) == version)
                        flags.Add(BinaryPrimitives.ReadUInt16LittleEndian(elf[(aux + 4)..]));
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(aux + 12)..]);
                }

                need += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf[(need + 12)..]);
            }
        }

        return flags;
    }

    private static string Name(ReadOnlySpan<byte> elf, int start) =>
        Encoding.ASCII.GetString(elf[start..][..elf[start..].IndexOf((byte)0)]);
}
