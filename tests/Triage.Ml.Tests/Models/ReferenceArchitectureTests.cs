using Triage.Ml.Models;
using Xunit.Abstractions;

namespace Triage.Ml.Tests.Models;

/// <summary>The two reference networks match torchvision's in size and in parameter names.</summary>
public sealed class ReferenceArchitectureTests(ITestOutputHelper output)
{
    [Fact]
    public void EfficientNet_b0_has_torchvisions_parameter_count()
    {
        using var network = new EfficientNetB0();

        network.CountParameters().Should().Be(5_288_548);
    }

    [Fact]
    public void ConvNeXt_tiny_has_torchvisions_parameter_count()
    {
        using var network = new ConvNeXt(ConvNeXtVariant.Tiny);

        network.CountParameters().Should().Be(28_589_128);
    }

    [Fact]
    public void EfficientNet_b0_uses_torchvisions_parameter_names()
    {
        using var network = new EfficientNetB0();
        var names = network.state_dict().Keys.ToList();
        output.WriteLine(string.Join('\n', names));

        names.Should().Contain([
            "features.0.0.weight", "features.0.1.running_var", "features.0.1.num_batches_tracked",
            "features.1.0.block.0.0.weight", "features.1.0.block.1.fc1.weight", "features.1.0.block.2.1.bias",
            "features.2.0.block.0.0.weight", "features.2.0.block.2.fc2.bias", "features.2.0.block.3.1.weight",
            "features.6.3.block.1.0.weight", "features.8.0.weight", "features.8.1.running_mean",
            "classifier.1.weight", "classifier.1.bias",
        ]);
        names.Should().HaveCount(360);
    }

    [Fact]
    public void ConvNeXt_tiny_uses_torchvisions_parameter_names()
    {
        using var network = new ConvNeXt(ConvNeXtVariant.Tiny);
        var names = network.state_dict().Keys.ToList();

        names.Should().Contain([
            "features.0.0.weight", "features.0.0.bias", "features.0.1.weight",
            "features.1.0.layer_scale", "features.1.0.block.0.weight", "features.1.0.block.2.weight",
            "features.1.0.block.3.weight", "features.1.0.block.5.bias",
            "features.2.0.weight", "features.2.1.weight", "features.5.8.layer_scale", "features.7.2.block.5.weight",
            "classifier.0.weight", "classifier.0.bias", "classifier.2.weight", "classifier.2.bias",
        ]);
        names.Should().HaveCount(182);
    }
}
