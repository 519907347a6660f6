using MassTransit;
using Microsoft.Extensions.Options;

namespace Triage.Inference.Classification;

public sealed class ClassifyCaseConsumerDefinition : ConsumerDefinition<ClassifyCaseConsumer>
{
    public ClassifyCaseConsumerDefinition(IOptions<InferenceOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ClassifyCaseConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry =>
        {
            retry.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
            retry.Ignore<CaseNotClassifiableException>();
        });
    }
}
