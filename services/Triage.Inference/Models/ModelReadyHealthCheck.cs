using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Triage.Inference.Models;

/// <summary>Ready when the models are loaded; reports which ones run and on which provider.
/// The unprefixed keys describe the student, the <c>teacher</c>-prefixed ones the teacher.</summary>
public sealed class ModelReadyHealthCheck(ServingModels models) : IHealthCheck
{
    public const string Name = "inference-model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        Describe(models.Student, "modelName", "modelVersion", "executionProvider", data);
        var description = $"student {Summary(models.Student)}";
        if (models.Teacher is { } teacher)
        {
            Describe(teacher, "teacherModelName", "teacherModelVersion", "teacherExecutionProvider", data);
            description += $"; teacher {Summary(teacher)}";
        }

        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }

    private static void Describe(OnnxClassifier classifier, string name, string version, string provider, Dictionary<string, object> data)
    {
        data[name] = classifier.Contract.ModelName;
        data[version] = classifier.Contract.ModelVersion;
        data[provider] = classifier.ExecutionProvider;
    }

    private static string Summary(OnnxClassifier classifier) =>
        $"{classifier.Contract.ModelName} {classifier.Contract.ModelVersion} on {classifier.ExecutionProvider}";
}
