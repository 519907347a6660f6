using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Triage.Inference.Models;

/// <summary>Ready when the models are loaded; reports the generation that serves, when it was loaded, which
/// models it runs and on which provider. The unprefixed keys describe the student, the <c>teacher</c>-prefixed
/// ones the teacher.</summary>
public sealed class ModelReadyHealthCheck(ServingModelsHolder holder) : IHealthCheck
{
    public const string Name = "inference-model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var lease = holder.Acquire();
        var models = lease.Models;
        var loadedAt = lease.Generation.LoadedAt.ToString("O", CultureInfo.InvariantCulture);
        var data = new Dictionary<string, object>
        {
            ["generation"] = lease.Generation.Number,
            ["loadedAt"] = loadedAt,
        };
        Describe(models.Student, "modelName", "modelVersion", "executionProvider", data);
        var description = $"generation {lease.Generation.Number} loaded at {loadedAt}: student {Summary(models.Student)}";
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
