using System.Globalization;
using System.Text;
using Triage.Training.Registry;

namespace Triage.Host.Benchmarks;

/// <summary>Rounds of the same load, taken together.</summary>
public sealed record LoadRounds(int Rounds, int Cases, double Seconds, IReadOnlyList<double> LatenciesMs)
{
    public double CasesPerSecond => Cases / Seconds;

    public static LoadRounds Of(IReadOnlyList<CaseLoadResult> rounds) =>
        new(rounds.Count, rounds.Sum(r => r.Cases), rounds.Sum(r => r.Seconds), [.. rounds.SelectMany(r => r.LatenciesMs)]);

    public InferenceLatency Latency(string name) => InferenceLatency.From(name, "FHIR post to RiskAssessment", "", 1, LatenciesMs);
}

public sealed record LoadDuringTrainingResult(LoadTestSettings Settings, int MaxBatchSize, TrainingRunRecord Run, LoadRounds During, LoadRounds After)
{
    /// <summary>At least one round finished while the run went; otherwise there is nothing to compare.</summary>
    public bool Measured => During.Rounds > 0;

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {InferenceBenchmarkReport.Machine()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Model {Path.GetFileName(Settings.ModelPath)}, max batch {MaxBatchSize}; rounds of {Settings.Cases} cases, {Settings.Concurrency} clients at once. " +
            $"Training run {Run.Id} in the same host: {Run.Status}, {Run.Outcome ?? $"failed at {Run.FailedStep}"}, " +
            $"{(Run.FinishedAt - Run.StartedAt)?.TotalSeconds:F0} s ({string.Join(' ', Settings.HostConfiguration)}).");
        text.AppendLine();
        text.AppendLine("| phase | rounds | cases | cases/s | post to RiskAssessment median ms | p95 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (phase, rounds) in new[] { ("while training", During), ("after training", After) })
        {
            if (rounds.Rounds == 0)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {phase} | 0 | | | | |");
                continue;
            }

            var latency = rounds.Latency(phase);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {phase} | {rounds.Rounds} | {rounds.Cases} | {rounds.CasesPerSecond:F1} | {latency.MedianMs:F0} | {latency.P95Ms:F0} |");
        }

        text.AppendLine();
        if (!Measured)
        {
            text.AppendLine("No round finished while the run went: train longer or post fewer cases a round.");
            return text.ToString();
        }

        var (during, after) = (During.Latency("during"), After.Latency("after"));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"While training over after: median x{during.MedianMs / after.MedianMs:F2}, p95 x{during.P95Ms / after.P95Ms:F2}, " +
            $"throughput x{During.CasesPerSecond / After.CasesPerSecond:F2}.");
        return text.ToString();
    }
}
