using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// The layers of torchvision's <c>efficientnet_b0().features</c>: 0 the stride-2 stem, 1-7 the MBConv stages,
/// 8 the 1x1 convolution to 1280 channels. Stochastic depth grows linearly with the block's index
/// (p x index / 16), as torchvision does.
/// </summary>
public static class EfficientNetB0Features
{
    public const long OutputChannels = 1280;

    /// <summary>Indices of the layers whose outputs are at strides 8, 16 and 32 (40, 112 and 1280 channels).</summary>
    public static IReadOnlyList<int> StrideTaps { get; } = [3, 5, 8];

    private static readonly (long Expand, long Kernel, long Stride, long Input, long Output, int Blocks)[] Stages =
    [
        (1, 3, 1, 32, 16, 1),
        (6, 3, 2, 16, 24, 2),
        (6, 5, 2, 24, 40, 2),
        (6, 3, 2, 40, 80, 3),
        (6, 5, 1, 80, 112, 3),
        (6, 5, 2, 112, 192, 4),
        (6, 3, 1, 192, 320, 1),
    ];

    public static IReadOnlyList<nn.Module<Tensor, Tensor>> Create(double stochasticDepth = 0.2)
    {
        var layers = new List<nn.Module<Tensor, Tensor>> { ConvBatchNormActivation.Create(3, 32, 3, stride: 2) };
        var totalBlocks = Stages.Sum(s => s.Blocks);
        var blockIndex = 0;
        foreach (var stage in Stages)
        {
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (var i = 0; i < stage.Blocks; i++, blockIndex++)
            {
                blocks.Add(new MobileInvertedBottleneck(
                    i == 0 ? stage.Input : stage.Output, stage.Output, stage.Expand, stage.Kernel,
                    i == 0 ? stage.Stride : 1, stochasticDepth * blockIndex / totalBlocks));
            }

            layers.Add(nn.Sequential(blocks));
        }

        layers.Add(ConvBatchNormActivation.Create(320, OutputChannels, 1));
        return layers;
    }
}
