using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Triage.Domain.Escalation;
using Triage.Inference.Models;
using Triage.Ml.Baseline;

namespace Triage.Inference.Tests.Models;

/// <summary>A swap never closes sessions under a request: the old generation goes when its last user does.</summary>
public sealed class ServingModelsHolderTests
{
    private static readonly string OldPath = TestModelFiles.Write(new TestModelOptions { Name = "test-student", Version = "1.0.0" });

    private static readonly string NewPath = TestModelFiles.Write(new TestModelOptions { Name = "test-student", Version = "2.0.0", Seed = 3 });

    private static ServingModels Open(string path) => new(TestModelFiles.OpenOnCpu(path), null, EscalationThresholds.Never);

    private static ServingModelsHolder Holder(ILogger<ServingModelsHolder>? logger = null) =>
        new(Open(OldPath), TimeProvider.System, logger ?? NullLogger<ServingModelsHolder>.Instance);

    private static string Classify(ServingModels models)
    {
        var contract = models.Student.Contract;
        models.Student.Classify([new ClassifierInput(new float[contract.Input.TensorLength], new float[contract.MetadataWidth])]);
        return contract.ModelVersion;
    }

    [Fact]
    public void A_lease_taken_before_a_swap_keeps_the_old_models_open_until_it_ends()
    {
        var logger = new ListLogger<ServingModelsHolder>();
        using var holder = Holder(logger);
        var old = holder.Acquire();

        var next = holder.Swap(Open(NewPath));

        old.Generation.IsDisposed.Should().BeFalse();
        Classify(old.Models).Should().Be("1.0.0");
        using (var current = holder.Acquire())
        {
            current.Generation.Should().BeSameAs(next);
            current.Generation.Number.Should().Be(2);
            Classify(current.Models).Should().Be("2.0.0");
        }

        old.Dispose();
        old.Dispose();

        old.Generation.IsDisposed.Should().BeTrue();
        next.IsDisposed.Should().BeFalse();
        logger.Entries.Should().ContainSingle(e => e.EventId.Id == 2023).Which.Message.Should().Contain("Generation 1");
    }

    [Fact]
    public async Task A_slow_request_on_another_thread_finishes_on_the_old_models_after_the_swap()
    {
        using var holder = Holder();
        var leased = new TaskCompletionSource<ServingGeneration>(TaskCreationOptions.RunContinuationsAsynchronously);
        var proceed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Task.Run(async () =>
        {
            using var lease = holder.Acquire();
            leased.SetResult(lease.Generation);
            await proceed.Task;
            return Classify(lease.Models);
        });
        var old = await leased.Task;

        holder.Swap(Open(NewPath));
        old.IsDisposed.Should().BeFalse();
        proceed.SetResult();

        (await request).Should().Be("1.0.0");
        old.IsDisposed.Should().BeTrue();
    }

    [Fact]
    public async Task Requests_running_through_several_swaps_all_succeed_and_only_the_current_generation_stays_open()
    {
        using var holder = Holder();
        var generations = new List<ServingGeneration>();
        using var stop = new CancellationTokenSource();
        var requests = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            var runs = 0;
            while (!stop.IsCancellationRequested || runs == 0)
            {
                using var lease = holder.Acquire();
                Classify(lease.Models);
                runs++;
            }

            return runs;
        })).ToArray();

        for (var swap = 0; swap < 4; swap++)
        {
            generations.Add(holder.Swap(Open(swap % 2 == 0 ? NewPath : OldPath)));
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        (await Task.WhenAll(requests)).Should().OnlyContain(runs => runs > 0);

        generations.SkipLast(1).Should().OnlyContain(g => g.IsDisposed);
        generations[^1].IsDisposed.Should().BeFalse();
        holder.Dispose();
        generations[^1].IsDisposed.Should().BeTrue();
    }

    [Fact]
    public void A_swap_after_shutdown_is_refused_and_closes_what_it_was_given()
    {
        var holder = Holder();
        holder.Dispose();
        var next = Open(NewPath);

        var swap = () => holder.Swap(next);

        swap.Should().Throw<ObjectDisposedException>();
        holder.Invoking(h => h.Acquire()).Should().Throw<ObjectDisposedException>();
    }
}
