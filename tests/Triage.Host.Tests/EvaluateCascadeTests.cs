using System.CommandLine;
using System.Text.Json.Nodes;
using Triage.Host.Commands;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary><c>evaluate --teacher</c> with thresholds at either extreme: the cascade is then exactly one of its two models.</summary>
public class EvaluateCascadeTests
{
    private static readonly string Student = Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "baseline.onnx");

    private static readonly string[] MetricKeys =
    [
        "n", "accuracy", "balanced_accuracy", "weighted_f1", "macro_f1", "macro_auc", "ece",
        "malignant_sensitivity", "malignant_specificity", "malignant_counts", "per_class", "confusion_matrix",
    ];

    [Fact]
    public async Task Thresholds_that_always_escalate_make_the_cascade_the_teacher()
    {
        var json = await EvaluateCascade(minConfidence: "1", cancerLow: "0", cancerHigh: "1");

        json["escalation_rate"]!.GetValue<double>().Should().Be(1);
        json["escalation_reasons"]!["LowConfidence"]!.GetValue<int>().Should().Be(12);
        json["escalation_reasons"]!["UncertainCancerProbability"]!.GetValue<int>().Should().Be(12);
        json["metadata_withheld"]!["escalation_rate"]!.GetValue<double>().Should().Be(1);
        json["teacher"]!["name"]!.GetValue<string>().Should().Be("test-teacher");
        json["teacher"]!["version"]!.GetValue<string>().Should().Be("2.0.0");
        json["thresholds"]!["min_confidence"]!.GetValue<double>().Should().Be(1);
        ShouldBeTheSameMetrics(json, json["teacher_alone"]!.AsObject());
        ShouldDiffer(json, json["student_alone"]!.AsObject());
    }

    [Fact]
    public async Task Thresholds_that_never_escalate_make_the_cascade_the_student()
    {
        var json = await EvaluateCascade(minConfidence: "0", cancerLow: "1", cancerHigh: "0");

        json["escalation_rate"]!.GetValue<double>().Should().Be(0);
        json["escalation_reasons"]!.AsObject().Select(r => r.Value!.GetValue<int>()).Should().AllSatisfy(c => c.Should().Be(0));
        json["model"]!["name"]!.GetValue<string>().Should().Be("baseline");
        ShouldBeTheSameMetrics(json, json["student_alone"]!.AsObject());
        ShouldDiffer(json, json["teacher_alone"]!.AsObject());
    }

    private static async Task<JsonObject> EvaluateCascade(string minConfidence, string cancerLow, string cancerHigh)
    {
        var teacher = TestModels.Write(Path.Combine(TestPaths.NewTempFolder("evaluate-teacher"), "teacher.onnx"),
            new TestModelOptions { Name = "test-teacher", Version = "2.0.0", InputWidth = 48, InputHeight = 48 });
        var report = Path.Combine(TestPaths.NewTempFolder("evaluate-out"), "cascade.json");
        var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = new StringWriter(), Error = error };

        var exitCode = await TriageCommandLine.Create().Parse(
        [
            "evaluate", "--model", Student, "--teacher", teacher, "--data", EvaluationFolder.Create(perDiagnosis: 2), "--out", report,
            "--min-confidence", minConfidence, "--cancer-low", cancerLow, "--cancer-high", cancerHigh,
        ]).InvokeAsync(configuration);

        exitCode.Should().Be(0, error.ToString());
        var json = JsonNode.Parse(await File.ReadAllTextAsync(report))!.AsObject();
        json["n"]!.GetValue<int>().Should().Be(12);
        return json;
    }

    private static void ShouldBeTheSameMetrics(JsonObject cascade, JsonObject alone)
    {
        ShouldBeTheSame(cascade, alone, "as recorded");
        ShouldBeTheSame(cascade["complete_metadata"]!.AsObject(), alone["complete_metadata"]!.AsObject(), "complete_metadata");
        ShouldBeTheSame(cascade["metadata_withheld"]!.AsObject(), alone["metadata_withheld"]!.AsObject(), "metadata_withheld");
    }

    private static void ShouldBeTheSame(JsonObject cascade, JsonObject alone, string set)
    {
        foreach (var key in MetricKeys)
        {
            JsonNode.DeepEquals(cascade[key], alone[key]).Should().BeTrue($"{set} {key}: {cascade[key]} vs {alone[key]}");
        }
    }

    private static void ShouldDiffer(JsonObject cascade, JsonObject other)
    {
        other.Select(p => p.Key).Should().Contain(MetricKeys);
        JsonNode.DeepEquals(cascade["per_class"], other["per_class"]).Should().BeFalse("the two models answer differently");
    }
}
