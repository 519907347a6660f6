using Triage.Domain.ClinicalFeatures;
using Triage.Ml.Models;
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

    /// <summary>The student's classifier starts at zero, which hides everything before it from the logits; give it weights as training would.</summary>
    public static void GiveHeadWeights(StudentNetwork student, int seed = 3)
    {
        using var _ = no_grad();
        student.state_dict()["classifier.1.weight"].normal_(0, 0.05, new Generator((ulong)seed));
    }
}
