using Microsoft.Extensions.Options;
using Triage.Domain.Promotion;

namespace Triage.Training;

/// <summary>Stops the start when a promotion gate setting is unusable.</summary>
internal sealed class PromotionGateOptionsValidator : IValidateOptions<PromotionGateOptions>
{
    public ValidateOptionsResult Validate(string? name, PromotionGateOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
