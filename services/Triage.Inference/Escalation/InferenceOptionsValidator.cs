using Microsoft.Extensions.Options;

namespace Triage.Inference.Escalation;

/// <summary>A teacher needs thresholds, and thresholds, when given, must be probabilities.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
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
}
