using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on one version requirement (a Vernaux entry of .gnu.version_r) of ELF64
/// little-endian shared libraries, so that the dynamic loader accepts a dependency that lacks the version.
/// Idempotent; absent files are skipped. The patched copy replaces the file by rename, so a hard or
/// symbolic link to a package cache is replaced rather than written through.
/// </summary>
public sealed class MarkElfVersionRequirementWeak : Task
{
    private const uint VersionNeedsSectionType = 0x6ffffffe; // SHT_GNU_verneed
    private const ushort WeakFlag = 0x2; // VER_FLG_WEAK

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Library { get; set; } = "";
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            if (!File.Exists(path))
            {
                Log.LogMessage(MessageImportance.Low, "{0}: absent, nothing to patch.", path);
                continue;
            }

            var elf = File.ReadAllBytes(path);
            List<long> flagOffsets;
            try
            {
                flagOffsets = FindFlagOffsets(elf, out var alreadyWeak);
                if (flagOffsets.Count == 0)
                {
                    Log.LogMessage(MessageImportance.Low, "{0}: {1} requirement on {2} {3}.", path,
                        alreadyWeak ? "the" : "no", Version, alreadyWeak ? "is already weak" : "found");
                    continue;
                }
            }
            catch (Exception e) when (e is InvalidDataException || e is OverflowException)
            {
                Log.LogWarning("{0}: not patched, {1}", path, e.Message);
                continue;
            }

            ReplaceWithPatchedCopy(path, elf, flagOffsets);
            Log.LogMessage(MessageImportance.High, "{0}: marked the {1} requirement on {2} weak.", path, Version, Library);
        }

        return !Log.HasLoggedErrors;
    }

    private static void ReplaceWithPatchedCopy(string path, byte[] elf, List<long> flagOffsets)
    {
        var patched = path + ".weakening";
        File.Copy(path, patched, overwrite: true); // keeps the file mode
        using (var stream = new FileStream(patched, FileMode.Open, FileAccess.Write))
        {
            foreach (var offset in flagOffsets)
            {
                var flags = (ushort)(U16(elf, offset) | WeakFlag);
                stream.Position = offset;
                stream.Write(new[] { (byte)flags, (byte)(flags >> 8) }, 0, 2);
            }
        }

        // Same timestamp as the file it replaces, so incremental copies still see it as unchanged.
        File.SetLastWriteTimeUtc(patched, File.GetLastWriteTimeUtc(path));
        File.Delete(path);
        File.Move(patched, path);
    }

    /// <summary>Offsets of the vna_flags fields still to mark weak for Version of Library.</summary>
    private List<long> FindFlagOffsets(byte[] elf, out bool alreadyWeak)
    {
        alreadyWeak = false;
        var result = new List<long>();
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");

        // ELF header -> section headers -> .gnu.version_r (Verneed entries, each with its Vernaux list),
        // whose names are offsets into the string section it links to (.dynstr).
        var sectionHeaders = U64(elf, 0x28);
        var sectionHeaderSize = U16(elf, 0x3a);
        var sectionCount = U16(elf, 0x3c);
        for (var index = 0; index < sectionCount; index++)
        {
            var header = checked((long)sectionHeaders + (long)index * sectionHeaderSize);
            if (U32(elf, header + 4) != VersionNeedsSectionType)
                continue;

            var stringsHeader = checked((long)sectionHeaders + (long)U32(elf, header + 0x28) * sectionHeaderSize);
            var strings = (long)U64(elf, stringsHeader + 0x18);
            var needCount = U32(elf, header + 0x2c);
            var need = (long)U64(elf, header + 0x18);
            for (var n = 0; n < needCount; n++)
            {
                var isLibrary = Name(elf, strings, U32(elf, need + 4)) == Library;
                var auxiliary = need + U32(elf, need + 8);
                for (var a = 0; a < U16(elf, need + 2); a++)
                {
                    if (isLibrary && Name(elf, strings, U32(elf, auxiliary + 8)) == Version)
                    {
                        if ((U16(elf, auxiliary + 4) & WeakFlag) != 0) alreadyWeak = true;
                        else result.Add(auxiliary + 4);
                    }

                    auxiliary += U32(elf, auxiliary + 12);
                }

                need += U32(elf, need + 12);
            }
        }

        return result;
    }

    private static string Name(byte[] elf, long strings, uint offset)
    {
        var start = checked((int)(strings + offset));
        var end = start;
        while (end < elf.Length && elf[end] != 0) end++;
        if (end >= elf.Length) throw new InvalidDataException("string table entry runs past the end");
        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    private static ushort U16(byte[] b, long at) => (ushort)(Byte(b, at) | Byte(b, at + 1) << 8);
    private static uint U32(byte[] b, long at) => (uint)(U16(b, at) | U16(b, at + 2) << 16);
    private static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

    private static byte Byte(byte[] b, long at) =>
        at >= 0 && at < b.Length ? b[at] : throw new InvalidDataException("a header points past the end of the file");
}
