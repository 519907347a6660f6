using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Triage.Inference.Batching;
using Triage.Inference.Models;

namespace Triage.Inference.Tests.Batching;

public sealed class DynamicBatchingSchedulerTests : IDisposable
{
    private readonly OnnxClassifier _model = TestModelFiles.OpenOnCpu(TestModelFiles.Write());

    public void Dispose() => _model.Dispose();

    [Fact]
    public async Task Inputs_that_arrive_together_run_as_batches_of_at_most_the_maximum_with_the_answers_of_running_alone()
    {
        await using var scheduler = Scheduler(maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(500));
        var inputs = Inputs(_model, 12);

        var runs = await Task.WhenAll(inputs.Select(i => scheduler.ClassifyAsync(_model, i, CancellationToken.None)));

        runs.Select(r => r.BatchSize).Should().OnlyContain(size => size <= 8);
        runs.Count(r => r.BatchSize == 8).Should().Be(8, "the first batch fills before its wait ends");
        for (var i = 0; i < inputs.Length; i++)
        {
            runs[i].Probabilities.Should().Equal(_model.Classify([inputs[i]])[0], (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    [Fact]
    public async Task A_lone_input_runs_alone_once_the_wait_is_over()
    {
        await using var scheduler = Scheduler(maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(20));

        var run = await scheduler.ClassifyAsync(_model, Inputs(_model, 1)[0], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        run.BatchSize.Should().Be(1);
        run.Milliseconds.Should().BePositive();
    }

    [Fact]
    public async Task A_maximum_of_one_runs_every_input_alone()
    {
        await using var scheduler = Scheduler(maxBatchSize: 1, maxWait: TimeSpan.FromMilliseconds(100));

        var runs = await Task.WhenAll(Inputs(_model, 5).Select(i => scheduler.ClassifyAsync(_model, i, CancellationToken.None)));

        runs.Should().OnlyContain(r => r.BatchSize == 1);
    }

    [Fact]
    public async Task Inputs_for_different_models_never_share_a_run()
    {
        using var other = TestModelFiles.OpenOnCpu(TestModelFiles.Write());
        await using var scheduler = Scheduler(maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(500));

        var first = Inputs(_model, 3).Select(i => scheduler.ClassifyAsync(_model, i, CancellationToken.None));
        var second = Inputs(other, 2).Select(i => scheduler.ClassifyAsync(other, i, CancellationToken.None));
        var runs = await Task.WhenAll(first.Concat(second));

        runs.Take(3).Should().OnlyContain(r => r.BatchSize == 3);
        runs.Skip(3).Should().OnlyContain(r => r.BatchSize == 2);
    }

    [Fact]
    public async Task An_input_the_model_cannot_take_is_refused_alone_and_the_others_are_answered()
    {
        await using var scheduler = Scheduler(maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(200));
        var good = Inputs(_model, 3).Select(i => scheduler.ClassifyAsync(_model, i, CancellationToken.None)).ToList();

        var bad = () => scheduler.ClassifyAsync(_model, new ClassifierInput(new float[3], new float[_model.Contract.MetadataWidth]), CancellationToken.None);

        await bad.Should().ThrowAsync<ArgumentException>().WithMessage("*takes*");
        (await Task.WhenAll(good)).Should().HaveCount(3).And.OnlyContain(r => r.BatchSize == 3);
    }

    [Fact]
    public async Task Inputs_waiting_when_the_scheduler_stops_are_still_answered_and_later_ones_refused()
    {
        var scheduler = Scheduler(maxBatchSize: 8, maxWait: TimeSpan.FromMilliseconds(300));
        var waiting = Inputs(_model, 2).Select(i => scheduler.ClassifyAsync(_model, i, CancellationToken.None)).ToList();

        await scheduler.DisposeAsync();

        (await Task.WhenAll(waiting)).Should().HaveCount(2);
        var late = () => scheduler.ClassifyAsync(_model, Inputs(_model, 1)[0], CancellationToken.None);
        await late.Should().ThrowAsync<ObjectDisposedException>();
    }

    private static DynamicBatchingScheduler Scheduler(int maxBatchSize, TimeSpan maxWait) =>
        new(Options.Create(new InferenceOptions { Batching = new BatchingOptions { MaxBatchSize = maxBatchSize, MaxWait = maxWait } }),
            TimeProvider.System, NullLogger<DynamicBatchingScheduler>.Instance);

    private static ClassifierInput[] Inputs(OnnxClassifier model, int count)
    {
        var random = new Random(count);
        return [.. Enumerable.Range(0, count).Select(_ => new ClassifierInput(
            [.. Enumerable.Range(0, model.Contract.Input.TensorLength).Select(_ => (float)random.NextDouble())],
            [.. Enumerable.Range(0, model.Contract.MetadataWidth).Select(_ => (float)random.NextDouble())]))];
    }
}
