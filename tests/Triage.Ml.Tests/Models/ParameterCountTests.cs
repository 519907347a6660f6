using Triage.Ml.Models;
using Xunit.Abstractions;

namespace Triage.Ml.Tests.Models;

/// <summary>Sizes of every network the project trains, written to the test output for docs/ml.md.</summary>
[Collection(TorchModelsCollection.Name)]
public sealed class ParameterCountTests(ITestOutputHelper output)
{
    /// <summary>timm's published sizes with a 1000-class head, in millions (the torchvision layout gives the same counts).</summary>
    public static TheoryData<string, double> TimmSizes => new()
    {
        { "atto", 3.70 }, { "femto", 5.22 }, { "pico", 9.05 }, { "nano", 15.59 }, { "tiny", 28.59 },
    };

    [Theory]
    [MemberData(nameof(TimmSizes))]
    public void ConvNeXt_variants_have_timms_sizes_and_the_teacher_adds_cbam_metadata_and_head(string name, double millions)
    {
        var variant = ConvNeXtVariant.Parse(name);
        using var reference = new ConvNeXt(variant);
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(variant));
        var groups = teacher.named_parameters()
            .GroupBy(p => p.name[..p.name.IndexOf('.')], p => p.parameter.numel())
            .ToDictionary(g => g.Key, g => g.Sum());
        var classifier1000 = (variant.OutputChannels + 1) * 1000;
        var total = teacher.CountParameters();
        output.WriteLine($"ConvNeXt-{name}: 1000 classes {reference.CountParameters():N0}; teacher {total:N0} = " +
                         string.Join(" + ", groups.Select(g => $"{g.Key} {g.Value:N0}")) +
                         $"; image only {total - groups["metadata"] - 6 * teacher.Options.MetadataFeatures:N0}; float16 {total * 2 / 1e6:F1} MB");

        (reference.CountParameters() / 1e6).Should().BeApproximately(millions, 0.01);
        (groups["features"] + groups["classifier"]).Should().Be(reference.CountParameters() - classifier1000);
        groups["attention"].Should().Be(variant.Widths.Sum(c => 2 * c * (c / 16) + 2 * 7 * 7));
        groups["head"].Should().Be((variant.OutputChannels + teacher.Options.MetadataFeatures + 1) * 6);
    }

    /// <summary>
    /// torchvision's resnet18 has 11,689,512 parameters, 513,000 of them in its 1000-class <c>fc</c>; ML.NET's
    /// has a third 512-channel basic block in its last stage (two 3x3 convolutions and two batch norms).
    /// </summary>
    [Theory]
    [InlineData("resnet18", 11_689_512 - 513_000)]
    [InlineData("resnet18-mlnet", 11_689_512 - 513_000 + 2 * (512 * 512 * 9 + 2 * 512))]
    public void ResNet_teachers_have_torchvisions_trunk_sizes(string name, long trunk)
    {
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(TeacherTrunks.Parse(name)));
        var features = teacher.named_parameters().Where(p => p.name.StartsWith("features.")).Sum(p => p.parameter.numel());
        output.WriteLine($"{name} teacher: trunk {features:N0}, total {teacher.CountParameters():N0}");
        features.Should().Be(trunk);
    }

    [Fact]
    public void Student_is_efficientnet_b0_with_a_six_class_head()
    {
        using var student = new StudentNetwork();
        using var imageOnly = new StudentNetwork(new StudentNetworkOptions(UseMetadata: false));
        output.WriteLine($"Student: {student.CountParameters():N0} (image only {imageOnly.CountParameters():N0}), " +
                         $"float16 {student.CountParameters() * 2 / 1e6:F1} MB");

        imageOnly.CountParameters().Should().Be(5_288_548 - 1281 * 1000 + 1281 * 6);
        student.CountParameters().Should().BeGreaterThan(imageOnly.CountParameters());
    }
}
