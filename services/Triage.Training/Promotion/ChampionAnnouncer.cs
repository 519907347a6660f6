using MassTransit;
using Triage.Contracts;
using Triage.Training.Registry;

namespace Triage.Training.Promotion;

/// <summary>Tells every inference instance to serve a student version (the bus carries its path, never its bytes).</summary>
public sealed class ChampionAnnouncer(IPublishEndpoint publish, TimeProvider clock)
{
    public Task AnnounceAsync(ModelVersion champion, string promotedBy, string reason, CancellationToken cancellationToken) =>
        publish.Publish(
            new ModelPromoted(champion.ArtefactPath, champion.Version, null, null, null, promotedBy, reason, clock.GetUtcNow()),
            cancellationToken);
}
