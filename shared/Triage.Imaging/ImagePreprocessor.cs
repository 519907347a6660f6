namespace Triage.Imaging;

/// <summary>Encoded bytes to a normalised CHW tensor: the one path for training and inference.</summary>
public sealed class ImagePreprocessor
{
    private readonly ImageDecoder _decoder;

    public ImagePreprocessor(ImageDecoder decoder)
    {
        _decoder = decoder;
    }

    public float[] Preprocess(ReadOnlySpan<byte> encoded, ModelInputSpec spec)
    {
        var tensor = new float[spec.TensorLength];
        Preprocess(encoded, spec, tensor);
        return tensor;
    }

    public void Preprocess(ReadOnlySpan<byte> encoded, ModelInputSpec spec, Span<float> destination)
    {
        using var image = _decoder.Decode(encoded);
        ImageTensor.WriteChw(image, spec, destination);
    }
}
