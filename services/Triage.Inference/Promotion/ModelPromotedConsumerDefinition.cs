using MassTransit;

namespace Triage.Inference.Promotion;

/// <summary>
/// Every inference instance must swap, so each gets its own temporary endpoint bound to <see cref="Contracts.ModelPromoted"/>
/// rather than competing with the others on one queue. Temporary, not durable per instance: an instance
/// needs promotions only while it runs (it loads its models at start), and a queue named after an instance
/// that is gone would otherwise stay behind. One promotion at a time, so swaps happen in the order received.
/// </summary>
public sealed class ModelPromotedConsumerDefinition : ConsumerDefinition<ModelPromotedConsumer>
{
    public ModelPromotedConsumerDefinition()
    {
        Endpoint(endpoint =>
        {
            endpoint.Temporary = true;
            // A queue of its own per running bus (with one shared name the instances would compete again).
            endpoint.InstanceId = $"{Environment.MachineName}-{Guid.NewGuid():N}"[..^24].ToLowerInvariant();
        });
        ConcurrentMessageLimit = 1;
    }
}
