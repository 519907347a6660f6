using Microsoft.Extensions.Options;

namespace Triage.Intake.Subscriptions;

/// <summary>Refuses, at start, delivery settings that would stall or spin the dispatcher.</summary>
public sealed class SubscriptionOptionsValidator : IValidateOptions<SubscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionOptions options)
    {
        List<string> failures = [];
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        Positive(failures, nameof(options.FirstRetryDelay), options.FirstRetryDelay);
        Positive(failures, nameof(options.RequestTimeout), options.RequestTimeout);
        if (options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add($"{SubscriptionOptions.Section}:MaxRetryDelay ({options.MaxRetryDelay}) must not be shorter than FirstRetryDelay ({options.FirstRetryDelay}).");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add($"{SubscriptionOptions.Section}:MaxAttempts must be at least 1, not {options.MaxAttempts}.");
        }

        if (options.MaxHandshakeAttempts < 1)
        {
            failures.Add($"{SubscriptionOptions.Section}:MaxHandshakeAttempts must be at least 1, not {options.MaxHandshakeAttempts}.");
        }

        if (options.MinHeartbeatPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{SubscriptionOptions.Section}:MinHeartbeatPeriod must be at least 1 second (heartbeat periods are whole seconds), not {options.MinHeartbeatPeriod}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SubscriptionOptions.Section}:{setting} must be longer than zero, not {value}.");
        }
    }
}
