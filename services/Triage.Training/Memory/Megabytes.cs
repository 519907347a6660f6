namespace Triage.Training.Memory;

internal static class Megabytes
{
    public const long Bytes = 1024 * 1024;

    public static long Of(long bytes) => (long)Math.Ceiling(bytes / (double)Bytes);
}
