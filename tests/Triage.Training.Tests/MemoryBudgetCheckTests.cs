using Microsoft.Extensions.Options;
using Triage.Training.Memory;
using Triage.Training.Pipeline;

namespace Triage.Training.Tests;

/// <summary>The bound before a run: what the process holds now plus the run's estimate.</summary>
public sealed class MemoryBudgetCheckTests
{
    [Fact]
    public void A_run_that_would_take_the_process_over_the_bound_is_refused_with_its_figures()
    {
        var options = new PipelineOptions { ImageSize = 64, MaxMemoryMegabytes = 1000 };
        var check = new MemoryBudgetCheck(new NetworkTraining(Options.Create(options)), new FakeProcessMemory(990), Options.Create(options));

        var refused = () => check.Check(trainingSideCases: 400, registeredTeacherWeights: null);

        var reason = refused.Should().Throw<TrainingStepFailedException>().Which;
        reason.Step.Should().Be("memory");
        reason.Reason.Should().Contain("990 MB now").And.Contain("Training:Pipeline:MaxMemoryMegabytes = 1000 MB").And.Contain("nothing was trained");
    }

    [Fact]
    public void A_run_within_the_bound_records_the_estimate_and_without_a_bound_nothing_is_refused()
    {
        var options = new PipelineOptions { ImageSize = 64, MaxMemoryMegabytes = 1000 };
        var within = new MemoryBudgetCheck(new NetworkTraining(Options.Create(options)), new FakeProcessMemory(500), Options.Create(options)).Check(400, null);

        // 400 photos at 96 x 96 RGBA, about 14 MB; the networks with their optimiser state, about 100 MB.
        within["photo_cache_mb"]!.GetValue<long>().Should().Be(15);
        within["estimate_mb"]!.GetValue<long>().Should().BeInRange(80, 150);
        within["limit_mb"]!.GetValue<int>().Should().Be(1000);

        var unbounded = new PipelineOptions { ImageSize = 64 };
        new MemoryBudgetCheck(new NetworkTraining(Options.Create(unbounded)), new FakeProcessMemory(1_000_000), Options.Create(unbounded))
            .Check(400, null)["limit_mb"].Should().BeNull();
    }
}
