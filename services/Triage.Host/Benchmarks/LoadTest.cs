using System.Globalization;
using System.Text;
using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Benchmarks;

/// <summary>
/// The platform under load, once per batching setting, against the bare model in the same run: the cases per
/// second each setting sustains (their ratio is what batching buys) and the median time from a FHIR post to its
/// RiskAssessment over the model's own median (the platform's overhead).
/// </summary>
public sealed class LoadTest(LoadTestSettings settings, TextWriter progress)
{
    public async Task<LoadTestResult> RunAsync(IReadOnlyList<PadUfes20Case> cases, CancellationToken cancellationToken)
    {
        var bare = TimeBareModel(cases);
        progress.WriteLine($"bare model, batch 1: median {bare.MedianMs:F1} ms");
        var runs = new List<(int MaxBatchSize, CaseLoadResult Result)>();
        foreach (var maxBatchSize in settings.MaxBatchSizes)
        {
            await using var host = await LoadTestHost.StartAsync(settings.HostSettings(maxBatchSize));
            using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
            var load = new CaseLoad(client, settings.PollingInterval, TimeSpan.FromMinutes(5));
            await load.RunAsync(cases, Math.Min(4, settings.Cases), 2, $"warm-up-{maxBatchSize}", cancellationToken);
            var result = await load.RunAsync(cases, settings.Cases, settings.Concurrency, $"batch-{maxBatchSize}", cancellationToken);
            var latency = result.Latency($"batch {maxBatchSize}");
            progress.WriteLine($"max batch {maxBatchSize}: {result.Cases} cases in {result.Seconds:F1} s = {result.CasesPerSecond:F1} cases/s; " +
                               $"post to RiskAssessment median {latency.MedianMs:F0} ms, p95 {latency.P95Ms:F0} ms");
            runs.Add((maxBatchSize, result));
        }

        return new LoadTestResult(settings, bare, runs);
    }

    private InferenceLatency TimeBareModel(IReadOnlyList<PadUfes20Case> cases)
    {
        using var classifier = OnnxClassifier.Open(settings.ModelPath, settings.ExecutionProvider,
            new ExecutionProviderSelector(Microsoft.Extensions.Logging.Abstractions.NullLogger<ExecutionProviderSelector>.Instance));
        var image = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default)).Preprocess(File.ReadAllBytes(cases[0].ImagePath), classifier.Contract.Input);
        ClassifierInput[] input = [new(image, ClinicalFeatureEncoder.Encode(cases[0].Features))];
        var times = new InferenceTimer(warmUpRounds: 3, timedRounds: 30).TimeInTurns([() => classifier.Classify(input)])[0];
        return InferenceLatency.From(classifier.Contract.ModelName, InferenceBenchmark.OnnxRuntime, classifier.ExecutionProvider, 1, times);
    }
}

public sealed record LoadTestSettings(string ModelPath, ExecutionProviderPreference ExecutionProvider, int Cases, int Concurrency, IReadOnlyList<int> MaxBatchSizes)
{
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>More configuration for the host, as command-line pairs (e.g. <c>--Training:Pipeline:ImageSize</c>, <c>64</c>).</summary>
    public IReadOnlyList<string> HostConfiguration { get; init; } = [];

    public IEnumerable<string> HostSettings(int maxBatchSize) =>
    [
        "--Inference:ModelPath", ModelPath,
        "--Inference:ExecutionProvider", ExecutionProvider.ToString(),
        "--Inference:ConcurrentMessageLimit", Math.Max(Concurrency, maxBatchSize).ToString(CultureInfo.InvariantCulture),
        "--Inference:Batching:MaxBatchSize", maxBatchSize.ToString(CultureInfo.InvariantCulture),
        .. HostConfiguration,
    ];
}

public sealed record LoadTestResult(LoadTestSettings Settings, InferenceLatency BareModel, IReadOnlyList<(int MaxBatchSize, CaseLoadResult Result)> Runs)
{
    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {InferenceBenchmarkReport.Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Model {Path.GetFileName(Settings.ModelPath)} on {BareModel.ExecutionProvider}; {Settings.Cases} cases per setting, {Settings.Concurrency} clients at once.");
        text.AppendLine();
        text.AppendLine("| max batch size | cases/s | post to RiskAssessment median ms | p95 ms | median over the bare model's |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var (maxBatchSize, result) in Runs)
        {
            var latency = result.Latency($"batch {maxBatchSize}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {maxBatchSize} | {result.CasesPerSecond:F1} | {latency.MedianMs:F0} | {latency.P95Ms:F0} | {latency.MedianMs / BareModel.MedianMs:F1} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bare model (ONNX Runtime, batch 1, preprocessed input): median {BareModel.MedianMs:F1} ms, p95 {BareModel.P95Ms:F1} ms.");
        if (Runs.Count > 1)
        {
            var (first, last) = (Runs[0], Runs[^1]);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Throughput with max batch {last.MaxBatchSize} over max batch {first.MaxBatchSize}: {last.Result.CasesPerSecond / first.Result.CasesPerSecond:F2}.");
        }

        return text.ToString();
    }
}
