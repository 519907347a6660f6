namespace Triage.Imaging;

/// <summary>
/// The tensor a model takes: Width x Height, and per RGB channel a mean and standard deviation
/// applied to values scaled to [0, 1].
/// </summary>
public sealed record ModelInputSpec(int Width, int Height, float[] Mean, float[] Std)
{
    public static ModelInputSpec ImageNet(int size) =>
        new(size, size, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    public int TensorLength => 3 * Width * Height;
}
