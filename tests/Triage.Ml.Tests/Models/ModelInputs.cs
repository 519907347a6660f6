using Triage.Domain.ClinicalFeatures;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

internal static class ModelInputs
{
    public static Tensor Images(int count, int size, int seed = 1)
    {
        var generator = new Generator((ulong)seed);
        return randn([count, 3, size, size], generator: generator);
    }

    /// <summary>Encoded clinical features: one-hot-like zeros and ones, as the encoder writes them.</summary>
    public static Tensor Metadata(int count, int seed = 2)
    {
        var generator = new Generator((ulong)seed);
        return bernoulli(full(count, ClinicalFeatureEncoder.Width, 0.3), generator);
    }
}
