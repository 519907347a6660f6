using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Ml.PadUfes20;
using Triage.Testing;

namespace Triage.Host.Tests;

public class EvaluateCommandTests
{
    private static readonly string[] MetricKeys =
    [
        "n", "accuracy", "balanced_accuracy", "weighted_f1", "macro_f1", "macro_auc", "ece",
        "malignant_sensitivity", "malignant_specificity", "per_class", "confusion_matrix",
    ];

    private static readonly string[] Classes = ["ACK", "BCC", "MEL", "NEV", "SCC", "SEK"];

    [Fact]
    public async Task Evaluates_the_released_model_on_a_small_folder()
    {
        var data = EvaluationFolder.Create(perDiagnosis: 5);
        var report = Path.Combine(TestPaths.NewTempFolder("evaluate-out"), "baseline.json");
        var model = Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "baseline.onnx");

        var exitCode = await TriageCommandLine.Create().Parse(["evaluate", "--model", model, "--data", data, "--out", report]).InvokeAsync();

        exitCode.Should().Be(0);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsObject();
        json["model"]!["name"]!.GetValue<string>().Should().Be("baseline");
        json["model"]!["version"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        ShouldHoldEveryMetric(json, expectedN: 30);
        json.Select(p => p.Key).Should().NotContain(["escalation_rate", "escalation_reasons", "thresholds", "teacher", "student_alone", "teacher_alone"]);
        ShouldHoldEveryMetric(json["metadata_withheld"]!.AsObject(), expectedN: 30);
        var complete = PadUfes20Reader.Read(data).Count(c => c.Features.IsComplete);
        complete.Should().BeInRange(1, 29, "the folder holds cases with and without complete metadata");
        ShouldHoldEveryMetric(json["complete_metadata"]!.AsObject(), expectedN: complete);

        foreach (var suffix in new[] { ".confusion.png", ".roc.png", ".reliability.png" })
        {
            var bytes = await File.ReadAllBytesAsync(report + suffix);
            bytes.Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, suffix);
        }
    }

    private static void ShouldHoldEveryMetric(JsonObject json, int expectedN)
    {
        json.Select(p => p.Key).Should().Contain(MetricKeys);
        json["n"]!.GetValue<int>().Should().Be(expectedN);
        json["per_class"]!.AsObject().Select(p => p.Key).Should().Equal(Classes);
        foreach (var code in Classes)
        {
            json["per_class"]![code]!.AsObject().Select(p => p.Key).Should().Contain(["precision", "recall", "f1", "support"]);
        }

        json["confusion_matrix"]!["classes"]!.AsArray().Select(c => c!.GetValue<string>()).Should().Equal(Classes);
        var counts = json["confusion_matrix"]!["counts"]!.AsArray().Select(row => row!.AsArray().Select(v => v!.GetValue<int>()).ToArray()).ToArray();
        counts.Sum(row => row.Sum()).Should().Be(expectedN);
        var diagonal = Enumerable.Range(0, Classes.Length).Sum(k => counts[k][k]);
        json["accuracy"]!.GetValue<double>().Should().BeApproximately((double)diagonal / expectedN, 1e-12);
        Enumerable.Range(0, Classes.Length).Select(k => counts[k].Sum())
            .Should().Equal(Classes.Select(code => json["per_class"]![code]!["support"]!.GetValue<int>()));
        foreach (var key in new[] { "balanced_accuracy", "weighted_f1", "macro_f1", "ece" })
        {
            json[key]!.GetValue<double>().Should().BeInRange(0, 1, key);
        }
    }
}
