using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

[Collection(TorchModelsCollection.Name)]
public sealed class WeightInitializationTests
{
    [Theory]
    [InlineData(0.02, 0.02)]
    [InlineData(1.0, 0.8796)] // the standard deviation of a standard normal truncated to +-2
    public void Truncated_normal_samples_within_the_bounds_with_the_truncated_spread(double std, double expectedSpread)
    {
        using var scope = NewDisposeScope();
        var values = WeightInitialization.TruncatedNormal(empty(200_000), std);

        values.std().item<float>().Should().BeApproximately((float)expectedSpread, (float)(expectedSpread * 0.02));
        values.mean().item<float>().Should().BeApproximately(0f, (float)(std * 0.01));
        values.abs().max().item<float>().Should().BeLessThanOrEqualTo(2f);
    }

    [Fact]
    public void ConvNeXt_weights_are_spread_and_biases_zero()
    {
        using var scope = NewDisposeScope();
        using var network = new ConvNeXt(ConvNeXtVariant.Atto);
        var parameters = network.state_dict();

        parameters["features.1.0.block.3.weight"].std().item<float>().Should().BeApproximately(0.02f, 0.002f);
        parameters["features.1.0.block.3.bias"].abs().max().item<float>().Should().Be(0f);
        parameters["features.1.0.layer_scale"].mean().item<float>().Should().BeApproximately(1e-6f, 1e-9f);
    }
}
