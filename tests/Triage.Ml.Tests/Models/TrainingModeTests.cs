using Triage.Ml.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

/// <summary>Dropout, stochastic depth and batch norm act in training mode only; evaluation is deterministic and per sample.</summary>
[Collection(TorchModelsCollection.Name)]
public sealed class TrainingModeTests
{
    [Fact]
    public void Student_is_random_in_training_and_repeatable_in_evaluation()
    {
        using var scope = NewDisposeScope();
        using var student = new StudentNetwork();
        ModelInputs.GiveHeadWeights(student);
        var (images, metadata) = (ModelInputs.Images(4, 64), ModelInputs.Metadata(4));
        FillBatchNormStatistics(student, images, metadata);

        student.train();
        MaxDifference(student.call(images, metadata).Logits, student.call(images, metadata).Logits).Should().BeGreaterThan(0);
        student.eval();
        MaxDifference(student.call(images, metadata).Logits, student.call(images, metadata).Logits).Should().Be(0);
    }

    [Fact]
    public void Student_batch_norm_uses_batch_statistics_and_updates_running_ones_only_in_training()
    {
        using var scope = NewDisposeScope();
        using var student = new StudentNetwork(new StudentNetworkOptions(Dropout: 0, StochasticDepth: 0));
        ModelInputs.GiveHeadWeights(student);
        var (images, metadata) = (ModelInputs.Images(4, 64), ModelInputs.Metadata(4));
        FillBatchNormStatistics(student, images, metadata);
        var runningMean = student.state_dict()["features.0.1.running_mean"];

        student.eval();
        var before = runningMean.clone();
        var alone = student.call(images[..1], metadata[..1]).Logits;
        var inBatch = student.call(images, metadata).Logits[..1];
        MaxDifference(alone, inBatch).Should().BeLessThan(1e-5);
        MaxDifference(runningMean, before).Should().Be(0);

        student.train();
        alone = student.call(images[..1], metadata[..1]).Logits;
        inBatch = student.call(images, metadata).Logits[..1];
        MaxDifference(alone, inBatch).Should().BeGreaterThan(1e-3);
        MaxDifference(runningMean, before).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Teacher_is_random_in_training_and_repeatable_in_evaluation_and_always_per_sample()
    {
        using var scope = NewDisposeScope();
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto));
        var (images, metadata) = (ModelInputs.Images(2, 64), ModelInputs.Metadata(2));

        teacher.train();
        MaxDifference(teacher.call(images, metadata).Logits, teacher.call(images, metadata).Logits).Should().BeGreaterThan(0);
        teacher.eval();
        MaxDifference(teacher.call(images, metadata).Logits, teacher.call(images, metadata).Logits).Should().Be(0);
        MaxDifference(teacher.call(images[..1], metadata[..1]).Logits, teacher.call(images, metadata).Logits[..1])
            .Should().BeLessThan(1e-5);
    }

    [Fact]
    public void Every_parameter_of_both_networks_gets_a_gradient()
    {
        using var scope = NewDisposeScope();
        using var student = new StudentNetwork(new StudentNetworkOptions(StochasticDepth: 0));
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto, StochasticDepth: 0));
        var (images, metadata) = (ModelInputs.Images(2, 64), ModelInputs.Metadata(2));

        foreach (var network in new nn.Module<Tensor, Tensor?, NetworkOutput>[] { student, teacher })
        {
            network.train();
            network.call(images, metadata).Logits.square().sum().backward();
            network.named_parameters().Where(p => p.parameter.grad is null).Select(p => p.name).Should().BeEmpty();
        }
    }

    /// <summary>A fresh network's running statistics are 0 and 1, which make its evaluation outputs vanish; a few training passes fill them.</summary>
    private static void FillBatchNormStatistics(StudentNetwork student, Tensor images, Tensor metadata)
    {
        using var _ = no_grad();
        student.train();
        for (var pass = 0; pass < 3; pass++)
            student.call(images, metadata);
    }

    private static double MaxDifference(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
