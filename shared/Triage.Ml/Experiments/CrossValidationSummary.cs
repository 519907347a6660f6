using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Triage.Ml.Experiments;

/// <summary>
/// Mean and standard deviation over folds of each configuration's validation figures, from the
/// reports <c>NAME-foldK.json</c> that training writes, as a Markdown table.
/// </summary>
public static partial class CrossValidationSummary
{
    private static readonly string[] Conditions = ["as_recorded", "with_history", "metadata_withheld"];
    private static readonly string[] Metrics = ["accuracy", "balanced_accuracy", "weighted_f1", "malignant_sensitivity"];

    public static string ToMarkdown(string resultsFolder)
    {
        var runs = Directory.EnumerateFiles(resultsFolder, "*.json")
            .Select(path => (Match: ReportName().Match(Path.GetFileName(path)), Path: path))
            .Where(r => r.Match.Success)
            .GroupBy(r => r.Match.Groups["config"].Value)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var table = new StringBuilder();
        table.AppendLine("| configuration | folds | condition | n | accuracy | balanced accuracy | weighted F1 | cancer sensitivity | s/epoch |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var config in runs)
        {
            var reports = config.Select(r => JsonNode.Parse(File.ReadAllText(r.Path))!).ToList();
            var secondsPerEpoch = reports.Select(r => r["seconds_per_epoch"]!.GetValue<double>()).ToList();
            foreach (var condition in Conditions)
            {
                var sets = reports.Select(r => r["validation"]![condition]!).ToList();
                var n = sets.Sum(s => s["n"]!.GetValue<int>());
                var cells = Metrics.Select(metric => MeanAndDeviation(sets.Select(s => s[metric]?.GetValue<double?>()).OfType<double>().ToList()));
                table.AppendLine($"| {config.Key} | {reports.Count} | {condition.Replace('_', ' ')} | {n} | {string.Join(" | ", cells)} | {MeanAndDeviation(secondsPerEpoch, "F0")} |");
            }
        }

        return table.ToString();
    }

    private static string MeanAndDeviation(IReadOnlyList<double> values, string format = "F3")
    {
        if (values.Count == 0)
        {
            return "–";
        }

        var mean = values.Average();
        var deviation = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return string.Create(CultureInfo.InvariantCulture, $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {deviation.ToString(format, CultureInfo.InvariantCulture)}");
    }

    [GeneratedRegex(@"^(?<config>.+)-fold(?<fold>\d+)\.json$")]
    private static partial Regex ReportName();
}
