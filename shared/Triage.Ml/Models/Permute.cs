using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>Reorders dimensions; a module so that a <c>Sequential</c> keeps torchvision's child indices.</summary>
public sealed class Permute(params long[] order) : nn.Module<Tensor, Tensor>(nameof(Permute))
{
    public static Permute ToChannelsLast() => new(0, 2, 3, 1);

    public static Permute ToChannelsFirst() => new(0, 3, 1, 2);

    public override Tensor forward(Tensor input) => input.permute(order);
}
