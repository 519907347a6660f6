using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// The layers of torchvision's ConvNeXt <c>features</c>: 0 the 4x4 patchify stem with LayerNorm2d, then
/// stages at 1, 3, 5, 7 with a downsampling layer (LayerNorm2d + 2x2 stride-2 convolution) between them.
/// Stochastic depth grows linearly from 0 at the first block to p at the last.
/// </summary>
public static class ConvNeXtFeatures
{
    public const double LayerScale = 1e-6;

    /// <summary>Which stage (0-3, at strides 4, 8, 16, 32) layer <paramref name="layerIndex"/> is, or -1 for the stem and downsampling layers.</summary>
    public static int StageOfLayer(int layerIndex) => layerIndex % 2 == 1 ? layerIndex / 2 : -1;

    public static IReadOnlyList<nn.Module<Tensor, Tensor>> Create(ConvNeXtVariant variant, double stochasticDepth = 0.1)
    {
        var widths = variant.Widths;
        var layers = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Sequential(nn.Conv2d(3, widths[0], 4, stride: 4), new LayerNorm2d(widths[0])),
        };
        var totalBlocks = variant.Depths.Sum();
        var blockIndex = 0;
        for (var stage = 0; stage < widths.Count; stage++)
        {
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (var i = 0; i < variant.Depths[stage]; i++, blockIndex++)
                blocks.Add(new ConvNeXtBlock(widths[stage], LayerScale, stochasticDepth * blockIndex / (totalBlocks - 1.0)));
            layers.Add(nn.Sequential(blocks));

            if (stage + 1 < widths.Count)
                layers.Add(nn.Sequential(new LayerNorm2d(widths[stage]), nn.Conv2d(widths[stage], widths[stage + 1], 2, stride: 2)));
        }

        return layers;
    }
}
