namespace Triage.Ml.Data;

/// <summary>Random changes applied to training photos; each range is sampled uniformly per image.</summary>
public sealed record AugmentationOptions
{
    /// <summary>Fraction of the photo's area a random crop keeps.</summary>
    public double MinCropArea { get; init; } = 0.5;
    public double MaxCropArea { get; init; } = 1.0;

    /// <summary>Aspect ratio range of the crop (width / height).</summary>
    public double MinAspect { get; init; } = 3.0 / 4.0;
    public double MaxAspect { get; init; } = 4.0 / 3.0;

    /// <summary>Lesion photos have no up or down: flip both ways and rotate freely (edges mirrored).</summary>
    public bool Flip { get; init; } = true;
    public double MaxRotationDegrees { get; init; } = 180;

    /// <summary>Colour jitter as in torchvision's ColorJitter: factors in [1 - x, 1 + x]; hue shift in turns.</summary>
    public double Brightness { get; init; } = 0.2;
    public double Contrast { get; init; } = 0.2;
    public double Saturation { get; init; } = 0.2;
    public double Hue { get; init; } = 0.02;

    public static AugmentationOptions Default { get; } = new();

    /// <summary>No change at all: the whole photo resized, as inference sees it.</summary>
    public static AugmentationOptions None { get; } = new()
    {
        MinCropArea = 1, MaxCropArea = 1, MinAspect = 1, MaxAspect = 1, Flip = false, MaxRotationDegrees = 0,
        Brightness = 0, Contrast = 0, Saturation = 0, Hue = 0,
    };
}
