using Triage.Data;
using Triage.Host.Composition;

namespace Triage.Host.Commands;

/// <summary>
/// The host a training command (<c>train-now</c>, <c>rollback</c>) runs in: the training service alone, on the
/// database the command names, without an outbox relay of its own. What it announces (<c>ModelPromoted</c>) waits in
/// the outbox for the relay of a process that serves on the same database, which publishes it on that process's bus:
/// so an embedded host that is running swaps models without a restart, and over RabbitMQ every instance does.
/// </summary>
internal static class TrainingCommandHost
{
    public static WebApplication Build(IReadOnlyList<string> settings) =>
        TriageHost.Build([
            "--urls", "http://127.0.0.1:0",
            "--" + HostedServices.ConfigurationKey, "training",
            "--" + DataServiceExtensions.OutboxRelaySetting, "false",
            .. settings,
        ]);
}
