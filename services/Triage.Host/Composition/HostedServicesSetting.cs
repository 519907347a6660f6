using Triage.Data;
using Triage.Host.Messaging;

namespace Triage.Host.Composition;

internal static class HostedServicesSetting
{
    /// <summary>
    /// <see cref="HostedServices.ConfigurationKey"/>, checked: a process running only some services must reach the
    /// others through a shared bus, because the in-memory one would accept their messages and deliver them to no one;
    /// unless it relays nothing itself (<see cref="DataServiceExtensions.OutboxRelaySetting"/> off), leaving its outbox to
    /// the processes that serve.
    /// </summary>
    /// <exception cref="HostCompositionException">An unknown service name, or a subset without RabbitMQ.</exception>
    public static HostedServices Read(IConfiguration configuration)
    {
        HostedServices hosted;
        try
        {
            hosted = HostedServices.Parse(configuration[HostedServices.ConfigurationKey]);
        }
        catch (FormatException invalid)
        {
            throw new HostCompositionException(invalid.Message);
        }

        if (!hosted.IsAll && DataServiceExtensions.RelaysOutbox(configuration)
            && string.IsNullOrWhiteSpace(configuration.GetConnectionString(TriageBus.RabbitMqConnectionName)))
        {
            throw new HostCompositionException(
                $"Running only {hosted} needs the bus the other services use: set ConnectionStrings:{TriageBus.RabbitMqConnectionName} " +
                "(the in-memory bus would take their messages and deliver them to no one).");
        }

        return hosted;
    }
}

/// <summary>The host's configuration cannot make a working process; the message says what to change.</summary>
public sealed class HostCompositionException(string message) : Exception(message);
