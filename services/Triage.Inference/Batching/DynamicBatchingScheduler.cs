using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Inference.Models;

namespace Triage.Inference.Batching;

/// <summary>
/// Collects the inputs of concurrently consumed cases and runs those for the same model as one tensor
/// (<see cref="BatchingOptions"/>). Each case keeps its own message, retry and fault: a batch only shares
/// the model run. One batch runs at a time; what arrives meanwhile waits for the next.
/// </summary>
public sealed class DynamicBatchingScheduler : IClassificationScheduler, IAsyncDisposable
{
    private readonly Channel<PendingInput> _waiting = Channel.CreateUnbounded<PendingInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BatchingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DynamicBatchingScheduler> _logger;
    private readonly Task _batching;

    public DynamicBatchingScheduler(IOptions<InferenceOptions> options, TimeProvider time, ILogger<DynamicBatchingScheduler> logger)
    {
        _options = options.Value.Batching;
        _time = time;
        _logger = logger;
        _batching = Task.Run(RunBatchesAsync);
    }

    public Task<ScheduledRun> ClassifyAsync(OnnxClassifier model, ClassifierInput input, CancellationToken cancellationToken)
    {
        // One input the model cannot take must not fail the others in its batch.
        var contract = model.Contract;
        if (input.Image.Length != contract.Input.TensorLength || input.Metadata.Length != contract.MetadataWidth)
        {
            throw new ArgumentException(
                $"The input has {input.Image.Length} image and {input.Metadata.Length} metadata values; {contract.ModelName} takes {contract.Input.TensorLength} and {contract.MetadataWidth}.",
                nameof(input));
        }

        var pending = new PendingInput(model, input);
        if (!_waiting.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DynamicBatchingScheduler), "The scheduler is shutting down.");
        }

        // A cancelled caller stops waiting; its input still runs with the batch it is in.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _batching.ConfigureAwait(false);
    }

    private async Task RunBatchesAsync()
    {
        var batch = new List<PendingInput>(_options.MaxBatchSize);
        while (await _waiting.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            await FillAsync(batch).ConfigureAwait(false);
            foreach (var sameModel in batch.GroupBy(p => p.Model))
            {
                Run(sameModel.Key, [.. sameModel]);
            }
        }
    }

    private async Task FillAsync(List<PendingInput> batch)
    {
        var deadline = _time.GetTimestamp() + (long)(_options.MaxWait.TotalSeconds * _time.TimestampFrequency);
        while (batch.Count < _options.MaxBatchSize)
        {
            if (_waiting.Reader.TryRead(out var next))
            {
                batch.Add(next);
                continue;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (batch.Count > 0 && remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : Timeout.InfiniteTimeSpan, _time);
            try
            {
                if (!await _waiting.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Run(OnnxClassifier model, List<PendingInput> inputs)
    {
        var started = _time.GetTimestamp();
        try
        {
            var outputs = model.ClassifyWithAttention([.. inputs.Select(p => p.Input)]);
            var milliseconds = _time.GetElapsedTime(started).TotalMilliseconds;
            _logger.BatchClassified(inputs.Count, model.Contract.ModelName, milliseconds);
            for (var i = 0; i < inputs.Count; i++)
            {
                inputs[i].Result.TrySetResult(new ScheduledRun(outputs[i].Probabilities, milliseconds, inputs.Count, outputs[i].Attention));
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in inputs)
            {
                pending.Result.TrySetException(exception);
            }
        }
    }

    private sealed record PendingInput(OnnxClassifier Model, ClassifierInput Input)
    {
        public TaskCompletionSource<ScheduledRun> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
