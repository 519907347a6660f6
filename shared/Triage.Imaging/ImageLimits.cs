namespace Triage.Imaging;

/// <summary>What an uploaded image may be, checked before it is decoded whole.</summary>
public sealed record ImageLimits
{
    public long MaxEncodedBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Width times height, read from the header before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 50_000_000;

    /// <summary>The shorter side must be at least this long.</summary>
    public int MinSide { get; init; } = 16;

    public static ImageLimits Default { get; } = new();
}
