using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Triage.Training.Memory;
using Triage.Training.Pipeline;
using Triage.Training.Registry;

namespace Triage.Training.Tests;

/// <summary>The memory bound during a run: each sample compares resident memory with the bound; going over stops the run as a failure.</summary>
public sealed class ResidentMemoryWatchTests : IAsyncLifetime
{
    private readonly FakeProcessMemory _memory = new(megabytes: 900);
    private readonly ManualTimers _timers = new();
    private RegistryDatabase _registry = null!;

    public async Task InitializeAsync() => _registry = await RegistryDatabase.CreateAsync("memory-watch");

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    private TrainingDbContext Db => _registry.Db;

    [Fact]
    public void Within_the_bound_the_run_goes_on_and_over_it_the_run_is_stopped_with_the_figures()
    {
        using var watch = Watch(limitMegabytes: 1000);
        var token = watch.Start(CancellationToken.None);

        _timers.FireAll();
        (token.IsCancellationRequested, watch.Overrun).Should().Be((false, null));

        _memory.Megabytes = 1001;
        _timers.FireAll();
        token.IsCancellationRequested.Should().BeTrue();
        watch.Overrun.Should().Contain("1001 MB resident").And.Contain("Training:Pipeline:MaxMemoryMegabytes = 1000 MB");
    }

    [Fact]
    public void Without_a_bound_nothing_is_sampled_and_the_token_follows_the_run()
    {
        using var run = new CancellationTokenSource();
        using var watch = Watch(limitMegabytes: null);
        var token = watch.Start(run.Token);
        _memory.Megabytes = 1_000_000;

        watch.Check();
        _timers.Count.Should().Be(0);
        token.IsCancellationRequested.Should().BeFalse();

        run.Cancel();
        token.IsCancellationRequested.Should().BeTrue();
        watch.Overrun.Should().BeNull();
    }

    [Fact]
    public async Task A_step_stopped_by_the_watch_fails_the_run_with_the_reason_and_a_plain_cancel_stays_a_cancel()
    {
        using var watch = Watch(limitMegabytes: 1000);
        var recorder = new TrainingRunRecorder(Db, TimeProvider.System, watch, NullLogger<TrainingRunRecorder>.Instance);
        await recorder.StartAsync("7", retrainTeacher: false, "test", CancellationToken.None);
        var token = watch.Start(CancellationToken.None);
        _memory.Megabytes = 2000;
        _timers.FireAll();

        var step = () => recorder.StepAsync<bool>("distil", () => Task.FromCanceled<(bool, System.Text.Json.Nodes.JsonObject)>(token), CancellationToken.None);

        (await step.Should().ThrowAsync<TrainingStepFailedException>()).Which.Step.Should().Be("distil");
        var run = await Db.TrainingRuns.AsNoTracking().SingleAsync();
        (run.Status, run.FailedStep).Should().Be((TrainingRunStatus.Failed, "distil"));
        run.FailureReason.Should().Contain("2000 MB resident while training");

        using var plainWatch = Watch(limitMegabytes: 1000);
        var plain = new TrainingRunRecorder(Db, TimeProvider.System, plainWatch, NullLogger<TrainingRunRecorder>.Instance);
        await plain.StartAsync("8", retrainTeacher: false, "test", CancellationToken.None);
        var cancelled = () => plain.StepAsync<bool>("teacher", () => Task.FromCanceled<(bool, System.Text.Json.Nodes.JsonObject)>(new CancellationToken(true)), CancellationToken.None);
        await cancelled.Should().ThrowAsync<OperationCanceledException>();
        (await Db.TrainingRuns.AsNoTracking().SingleAsync(r => r.JobId == "8")).Status.Should().Be(TrainingRunStatus.Cancelled);
    }

    private ResidentMemoryWatch Watch(int? limitMegabytes) => new(
        _memory, Options.Create(new PipelineOptions { MaxMemoryMegabytes = limitMegabytes }), _timers, NullLogger<ResidentMemoryWatch>.Instance);
}
