using Triage.Imaging;
using Triage.Ml.Tests.Models;
using Triage.Testing;

namespace Triage.Ml.Tests.Onnx.Export;

/// <summary>A batch for both runtimes: images [N, 3, S, S] and encoded metadata [N, M], flat.</summary>
internal sealed record ParityInputs(string Kind, float[] Images, float[] Metadata, int Count)
{
    public static ParityInputs Random(int seed) => new(
        "random",
        ModelInputs.Images(ParityNetworks.Batch, ParityNetworks.ImageSize, seed).data<float>().ToArray(),
        ModelInputs.Metadata(ParityNetworks.Batch, seed + 1).data<float>().ToArray(),
        ParityNetworks.Batch);

    /// <summary>The first PAD-UFES-20 photos, preprocessed as inference does.</summary>
    public static ParityInputs RealPhotos()
    {
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        var spec = ModelInputSpec.ImageNet(ParityNetworks.ImageSize);
        var images = TestImages.RealImagePaths().Take(ParityNetworks.Batch)
            .SelectMany(path => preprocessor.Preprocess(File.ReadAllBytes(path), spec)).ToArray();
        return new ParityInputs("real", images, ModelInputs.Metadata(ParityNetworks.Batch, seed: 5).data<float>().ToArray(), ParityNetworks.Batch);
    }
}
