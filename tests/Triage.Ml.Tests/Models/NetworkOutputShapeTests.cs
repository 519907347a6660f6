using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

/// <summary>Both networks return logits, pooled features, stride-8/16/32 feature maps and an attention map of the agreed shapes.</summary>
[Collection(TorchModelsCollection.Name)]
public sealed class NetworkOutputShapeTests
{
    public static TheoryData<int, bool> SizesAndMetadata => new() { { 64, true }, { 64, false }, { 224, true }, { 224, false } };

    [Theory]
    [MemberData(nameof(SizesAndMetadata))]
    public void Student_output_shapes(int size, bool useMetadata)
    {
        using var scope = NewDisposeScope();
        using var student = new StudentNetwork(new StudentNetworkOptions(UseMetadata: useMetadata));
        student.eval();

        var output = student.call(ModelInputs.Images(2, size), useMetadata ? ModelInputs.Metadata(2) : null);

        ShapeOf(output.Logits).Should().Equal(2, 6);
        ShapeOf(output.PooledFeatures).Should().Equal(2, StudentNetwork.PooledFeatureCount);
        output.StageFeatures.Select(ShapeOf).Should().BeEquivalentTo(
            [[2, 40, size / 8, size / 8], [2, 112, size / 16, size / 16], new long[] { 2, 1280, size / 32, size / 32 }],
            o => o.WithStrictOrdering());
        ShapeOf(output.Attention).Should().Equal(2, 1, size / 32, size / 32);
        output.Attention.max().item<float>().Should().BeApproximately(1f, 1e-5f);
        output.Attention.min().item<float>().Should().BeGreaterThanOrEqualTo(0f);
    }

    [Theory]
    [MemberData(nameof(SizesAndMetadata))]
    public void Teacher_output_shapes(int size, bool useMetadata)
    {
        using var scope = NewDisposeScope();
        var variant = size == 64 ? ConvNeXtVariant.Tiny : ConvNeXtVariant.Atto;
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(variant, UseMetadata: useMetadata));
        teacher.eval();

        var output = teacher.call(ModelInputs.Images(2, size), useMetadata ? ModelInputs.Metadata(2) : null);

        var widths = variant.Widths;
        ShapeOf(output.Logits).Should().Equal(2, 6);
        ShapeOf(output.PooledFeatures).Should().Equal(2, widths[3]);
        output.StageFeatures.Select(ShapeOf).Should().BeEquivalentTo(
            [[2, widths[1], size / 8, size / 8], [2, widths[2], size / 16, size / 16], new[] { 2, widths[3], size / 32, size / 32 }],
            o => o.WithStrictOrdering());
        ShapeOf(output.Attention).Should().Equal(2, 1, size / 32, size / 32);
        output.Attention.min().item<float>().Should().BeGreaterThan(0f);
        output.Attention.max().item<float>().Should().BeLessThan(1f);
    }

    [Fact]
    public void A_network_with_a_metadata_branch_refuses_to_run_without_metadata()
    {
        using var scope = NewDisposeScope();
        using var student = new StudentNetwork();

        var run = () => student.call(ModelInputs.Images(1, 64), null);

        run.Should().Throw<ArgumentNullException>().WithParameterName("metadata");
    }

    [Fact]
    public void Metadata_changes_the_logits_only_where_the_branch_is_on()
    {
        using var scope = NewDisposeScope();
        using var withBranch = new StudentNetwork();
        using var imageOnly = new StudentNetwork(new StudentNetworkOptions(UseMetadata: false));
        ModelInputs.GiveHeadWeights(withBranch);
        ModelInputs.GiveHeadWeights(imageOnly);
        withBranch.eval();
        imageOnly.eval();
        var images = ModelInputs.Images(2, 64);

        var changed = withBranch.call(images, ModelInputs.Metadata(2, seed: 3)).Logits - withBranch.call(images, ModelInputs.Metadata(2, seed: 4)).Logits;
        var ignored = imageOnly.call(images, ModelInputs.Metadata(2, seed: 3)).Logits - imageOnly.call(images, null).Logits;

        changed.abs().max().item<float>().Should().BeGreaterThan(0f);
        ignored.abs().max().item<float>().Should().Be(0f);
    }

    private static long[] ShapeOf(Tensor tensor) => tensor.shape;
}
