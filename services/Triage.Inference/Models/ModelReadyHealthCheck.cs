using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Triage.Inference.Models;

/// <summary>Ready when the model is loaded; reports which model runs and on which provider.</summary>
public sealed class ModelReadyHealthCheck(OnnxClassifier classifier) : IHealthCheck
{
    public const string Name = "inference-model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var contract = classifier.Contract;
        var data = new Dictionary<string, object>
        {
            ["modelName"] = contract.ModelName,
            ["modelVersion"] = contract.ModelVersion,
            ["executionProvider"] = classifier.ExecutionProvider,
        };
        return Task.FromResult(HealthCheckResult.Healthy(
            $"{contract.ModelName} {contract.ModelVersion} on {classifier.ExecutionProvider}", data));
    }
}
