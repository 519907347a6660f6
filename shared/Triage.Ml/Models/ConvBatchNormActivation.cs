using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>Convolution (no bias), batch norm and optional SiLU as torchvision's <c>Conv2dNormActivation</c>: children 0, 1, 2.</summary>
public static class ConvBatchNormActivation
{
    public static Sequential Create(
        long inputChannels, long outputChannels, long kernelSize, long stride = 1, long groups = 1, bool activation = true)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>
        {
            nn.Conv2d(inputChannels, outputChannels, kernelSize, stride: stride, padding: (kernelSize - 1) / 2,
                groups: groups, bias: false),
            nn.BatchNorm2d(outputChannels, eps: 1e-5, momentum: 0.1),
        };
        if (activation)
            layers.Add(nn.SiLU());
        return nn.Sequential(layers);
    }
}
