using System.Security.Cryptography;

namespace Triage.Training.Corpus;

/// <summary>SHA-256 of a file, lower-case hex.</summary>
public static class FileSha256
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
