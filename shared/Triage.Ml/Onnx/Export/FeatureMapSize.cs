using TorchSharp;
using TorchSharp.Modules;

namespace Triage.Ml.Onnx.Export;

/// <summary>The spatial size a trunk turns an input size into, by convolution arithmetic.</summary>
internal static class FeatureMapSize
{
    /// <summary>
    /// Applies every convolution of <paramref name="trunk"/> in order. Those off the main path (1x1 on
    /// pooled maps, 'same'-padded attention convolutions) keep any size, so they change nothing.
    /// </summary>
    public static (long Height, long Width) After(torch.nn.Module trunk, long height, long width)
    {
        foreach (var conv in trunk.modules().OfType<Conv2d>())
        {
            var padding = conv.padding ?? throw new NotSupportedException("Convolutions need explicit padding.");
            height = Output(height, conv.kernel_size[0], conv.stride[0], padding[0], conv.dilation[0]);
            width = Output(width, conv.kernel_size[1], conv.stride[1], padding[1], conv.dilation[1]);
        }

        return (height, width);
    }

    private static long Output(long size, long kernel, long stride, long padding, long dilation) =>
        (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
}
