using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Triage.Ml.Losses;

/// <summary>
/// Softmax focal loss (Lin et al.): −α_y (1 − p_y)^γ log p_y, averaged over the batch. With γ = 0 and
/// every α = 1 it is cross-entropy.
/// </summary>
/// <param name="alpha">One weight per class, e.g. inverse class frequencies normalised to mean 1.</param>
public sealed class FocalLoss(IReadOnlyList<float> alpha, double gamma = 2.0)
{
    public double Gamma => gamma;

    public Tensor Compute(Tensor logits, Tensor labels)
    {
        var logProbabilities = log_softmax(logits, 1);
        var logTrue = logProbabilities.gather(1, labels.unsqueeze(1)).squeeze(1);
        var weights = tensor(alpha.ToArray(), device: logits.device).index_select(0, labels);
        var modulation = (1 - logTrue.exp()).pow(gamma);
        return (-weights * modulation * logTrue).mean();
    }

    /// <summary>α from class counts: inverse frequency, scaled so that the mean over classes is 1.</summary>
    public static float[] InverseFrequencyAlpha(IReadOnlyList<int> labels, int classes)
    {
        var counts = new double[classes];
        foreach (var label in labels)
        {
            counts[label]++;
        }

        var inverse = counts.Select(c => c > 0 ? 1 / c : 0).ToArray();
        var mean = inverse.Where(v => v > 0).Average();
        return inverse.Select(v => (float)(v / mean)).ToArray();
    }
}
