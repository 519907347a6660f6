using Triage.Inference.Models;

namespace Triage.Host.Benchmarks;

/// <summary>
/// Times each model at each batch size under ONNX Runtime on each asked-for execution provider, and under
/// TorchSharp on the CPU when the benchmark holds the network itself. The runtimes of one model and batch
/// size are timed in turns on the same inputs.
/// </summary>
public sealed class InferenceBenchmark(InferenceTimer timer, ExecutionProviderSelector selector, TextWriter progress)
{
    public const string OnnxRuntime = "ONNX Runtime";
    public const string TorchSharp = "TorchSharp";

    public IReadOnlyList<InferenceLatency> Run(
        IReadOnlyList<BenchmarkNetwork> networks, IReadOnlyList<ExecutionProviderPreference> providers, IReadOnlyList<int> batchSizes, bool withTorchSharp)
    {
        var results = new List<InferenceLatency>();
        foreach (var network in networks)
        {
            var classifiers = OpenClassifiers(network, providers);
            try
            {
                foreach (var batchSize in batchSizes)
                {
                    results.AddRange(TimeBatch(network, classifiers, batchSize, withTorchSharp));
                }
            }
            finally
            {
                classifiers.ForEach(c => c.Dispose());
            }
        }

        return results;
    }

    private List<OnnxClassifier> OpenClassifiers(BenchmarkNetwork network, IReadOnlyList<ExecutionProviderPreference> providers)
    {
        var classifiers = new List<OnnxClassifier>();
        try
        {
            foreach (var provider in providers)
            {
                var classifier = OnnxClassifier.Open(network.OnnxPath, provider, selector);
                if (provider == ExecutionProviderPreference.Cuda && classifier.ExecutionProvider != ModelSession.Cuda)
                {
                    progress.WriteLine($"{network.Name}: CUDA did not load (see the log above); no CUDA figures.");
                    classifier.Dispose();
                    continue;
                }

                classifiers.Add(classifier);
            }

            return classifiers;
        }
        catch
        {
            classifiers.ForEach(c => c.Dispose());
            throw;
        }
    }

    private IEnumerable<InferenceLatency> TimeBatch(BenchmarkNetwork network, List<OnnxClassifier> classifiers, int batchSize, bool withTorchSharp)
    {
        if (classifiers.Count == 0)
        {
            return [];
        }

        var batch = BenchmarkInputs.Create(classifiers[0].Contract, batchSize);
        var runners = classifiers
            .Select(c => (Runtime: OnnxRuntime, Provider: c.ExecutionProvider, Call: (Action)(() => c.Classify(batch))))
            .ToList();
        using var torchSharp = withTorchSharp && network.TorchSharp is { } module
            ? new TorchSharpInference(module, classifiers[0].Contract, batch)
            : null;
        if (torchSharp is not null)
        {
            runners.Add((TorchSharp, ModelSession.Cpu, () => torchSharp.Run()));
        }

        var times = timer.TimeInTurns([.. runners.Select(r => r.Call)]);
        return runners.Select((r, i) => Report(InferenceLatency.From(network.Name, r.Runtime, r.Provider, batchSize, times[i]))).ToList();
    }

    private InferenceLatency Report(InferenceLatency latency)
    {
        progress.WriteLine($"{latency.Model,-8} {latency.Runtime,-13} {latency.ExecutionProvider,-4} batch {latency.BatchSize,3}: " +
                           $"median {latency.MedianMs,8:F1} ms, p95 {latency.P95Ms,8:F1} ms, {latency.ImagesPerSecond,7:F1} images/s");
        return latency;
    }
}
