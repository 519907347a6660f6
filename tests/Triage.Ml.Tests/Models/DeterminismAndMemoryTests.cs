using Triage.Ml.Models;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

[Collection(TorchModelsCollection.Name)]
public sealed class DeterminismAndMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void A_seed_fixes_initial_weights_and_training_mode_randomness()
    {
        TrainingOutputs(seed: 5).Should().Equal(TrainingOutputs(seed: 5));
        TrainingOutputs(seed: 5).Should().NotEqual(TrainingOutputs(seed: 6));
    }

    [Fact]
    public void Repeated_training_steps_inside_dispose_scopes_do_not_grow_the_process()
    {
        using var student = new StudentNetwork();
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto));
        using var images = ModelInputs.Images(2, 64);
        using var metadata = ModelInputs.Metadata(2);
        void Step()
        {
            using var scope = NewDisposeScope();
            foreach (var network in new nn.Module<Tensor, Tensor?, NetworkOutput>[] { student, teacher })
            {
                network.train();
                network.zero_grad();
                var result = network.call(images, metadata);
                (result.Logits.square().mean() + result.Attention.mean()).backward();
            }
        }

        // The allocators settle over the first steps (about 2 MB a step, flat after 20-40 steps); a step
        // outside a dispose scope leaks about 5 MB here until the garbage collector runs finalizers.
        for (var i = 0; i < 10; i++)
            Step();
        var before = ResidentMegabytes();
        for (var i = 0; i < 20; i++)
            Step();
        var after = ResidentMegabytes();
        output.WriteLine($"Resident set: {before:F1} MB after warm-up, {after:F1} MB after 20 more steps");

        (after - before).Should().BeLessThan(32);
    }

    /// <summary>Pooled features (initial weights, stochastic depth) and logits (dropout) of one training-mode pass.</summary>
    private static float[] TrainingOutputs(int seed)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(seed);
        using var student = new StudentNetwork();
        ModelInputs.GiveHeadWeights(student);
        student.train();
        var result = student.call(ModelInputs.Images(2, 64), ModelInputs.Metadata(2));
        return [.. result.PooledFeatures.data<float>(), .. result.Logits.data<float>()];
    }

    /// <summary>Without forcing a collection: finalizers would free leaked tensors and hide the leak.</summary>
    private static double ResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }
}
