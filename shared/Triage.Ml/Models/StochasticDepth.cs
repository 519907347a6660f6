using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// Drops a residual branch for whole samples with probability <c>p</c> during training and rescales
/// the survivors by 1/(1-p), as torchvision's <c>StochasticDepth(p, "row")</c>. Identity in evaluation.
/// </summary>
public sealed class StochasticDepth(double probability) : nn.Module<Tensor, Tensor>(nameof(StochasticDepth))
{
    public double Probability { get; } = probability is >= 0 and <= 1
        ? probability
        : throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies in [0, 1].");

    public override Tensor forward(Tensor input)
    {
        if (!training || Probability == 0)
            return input;

        var survival = 1 - Probability;
        var shape = new long[input.dim()];
        Array.Fill(shape, 1L);
        shape[0] = input.shape[0];
        var keep = empty(shape, input.dtype, input.device).bernoulli_(survival);
        if (survival > 0)
            keep.div_(survival);
        return input * keep;
    }
}
