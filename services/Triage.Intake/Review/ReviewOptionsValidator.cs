using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Review;

/// <summary>Refuses, at start, thresholds that are not probabilities and an owner that is not a <c>Type/id</c> reference.</summary>
public sealed class ReviewOptionsValidator : IValidateOptions<ReviewOptions>
{
    public ValidateOptionsResult Validate(string? name, ReviewOptions options)
    {
        List<string> failures = [];
        if (options.CancerProbability is not (>= 0 and <= 1))
        {
            failures.Add($"{ReviewOptions.Section}:CancerProbability must be a probability between 0 and 1, not {options.CancerProbability}.");
        }

        if (options.MinimumConfidence is not (>= 0 and <= 1))
        {
            failures.Add($"{ReviewOptions.Section}:MinimumConfidence must be a probability between 0 and 1, not {options.MinimumConfidence}.");
        }

        if (options.Owner is { } owner && !IsReference(owner))
        {
            failures.Add($"{ReviewOptions.Section}:Owner must be a FHIR reference such as Organization/dermatology, not '{owner}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsReference(string value) =>
        value.Split('/') is [var type, var id] && ModelInfo.IsKnownResource(type) && id.Length is > 0 and <= 64;
}
