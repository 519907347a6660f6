using Microsoft.Extensions.Options;

namespace Triage.Inference.Escalation;

/// <summary>A teacher needs thresholds, and thresholds, when given, must be probabilities; batches must be able to fill.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        if (ProblemWithBatching(options) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        if (options.Escalation is null)
        {
            return options.HasTeacher
                ? ValidateOptionsResult.Fail(
                    "Inference:TeacherModelPath is set but Inference:Escalation is not: give MinimumConfidence, CancerBandLow and CancerBandHigh.")
                : ValidateOptionsResult.Success;
        }

        var missing = options.Escalation.Missing().ToList();
        if (missing.Count > 0)
        {
            return ValidateOptionsResult.Fail($"Inference:Escalation lacks {string.Join(", ", missing)}.");
        }

        try
        {
            options.Escalation.ToThresholds().Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentOutOfRangeException outOfRange)
        {
            return ValidateOptionsResult.Fail($"Inference:Escalation: {outOfRange.Message}");
        }
    }

    private static string? ProblemWithBatching(InferenceOptions options)
    {
        var batching = options.Batching;
        if (batching.MaxBatchSize is < 1 or > 256)
        {
            return $"Inference:Batching:MaxBatchSize must be between 1 and 256, not {batching.MaxBatchSize}.";
        }

        if (batching.MaxWait < TimeSpan.Zero || batching.MaxWait > TimeSpan.FromSeconds(1))
        {
            return $"Inference:Batching:MaxWait must be between 0 and 1 second, not {batching.MaxWait}.";
        }

        return batching.MaxBatchSize > options.ConcurrentMessageLimit
            ? $"Inference:Batching:MaxBatchSize ({batching.MaxBatchSize}) exceeds Inference:ConcurrentMessageLimit ({options.ConcurrentMessageLimit}): a worker never holds that many requests at once."
            : null;
    }
}
