using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>The initialisations torchvision gives each family, applied to every layer of a network.</summary>
public static class WeightInitialization
{
    /// <summary>Kaiming-normal (fan out) convolutions, unit batch norms, linear layers uniform in +-1/sqrt(outputs).</summary>
    public static void ApplyEfficientNet(nn.Module network)
    {
        using var _ = no_grad();
        foreach (var module in network.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut);
                    ZeroBias(conv.bias);
                    break;
                case BatchNorm2d norm:
                    nn.init.ones_(norm.weight);
                    ZeroBias(norm.bias);
                    break;
                case Linear linear:
                    var range = 1.0 / Math.Sqrt(linear.weight!.shape[0]);
                    nn.init.uniform_(linear.weight, -range, range);
                    ZeroBias(linear.bias);
                    break;
            }
        }
    }

    public static void ZeroLinear(Linear linear)
    {
        using var _ = no_grad();
        nn.init.zeros_(linear.weight!);
        ZeroBias(linear.bias);
    }

    /// <summary>Truncated normal (std 0.02) convolutions and linear layers with zero biases.</summary>
    public static void ApplyConvNeXt(nn.Module network)
    {
        using var _ = no_grad();
        foreach (var module in network.modules())
        {
            var (weight, bias) = module switch
            {
                Conv2d conv => (conv.weight, conv.bias),
                Linear linear => (linear.weight, linear.bias),
                _ => (null, null),
            };
            if (weight is null)
                continue;
            TruncatedNormal(weight, std: 0.02);
            ZeroBias(bias);
        }
    }

    /// <summary>
    /// PyTorch's <c>trunc_normal_</c> (bounds are absolute values, default +-2): TorchSharp 0.107's
    /// fills the tensor with the standard deviation instead. Inverse-CDF sampling as PyTorch does it.
    /// </summary>
    public static Tensor TruncatedNormal(Tensor tensor, double std, double mean = 0, double lower = -2, double upper = 2)
    {
        using var _ = no_grad();
        var low = NormalCdf((lower - mean) / std);
        var high = NormalCdf((upper - mean) / std);
        return tensor.uniform_(2 * low - 1, 2 * high - 1).erfinv_().mul_(std * Math.Sqrt(2)).add_(mean).clamp_(lower, upper);
    }

    private static double NormalCdf(double x)
    {
        using var value = torch.tensor(x / Math.Sqrt(2), ScalarType.Float64);
        return (1 + value.erf().item<double>()) / 2;
    }

    private static void ZeroBias(Tensor? bias)
    {
        if (bias is not null)
            nn.init.zeros_(bias);
    }
}
