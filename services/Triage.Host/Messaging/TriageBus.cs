using MassTransit;
using Triage.Host.Composition;
using Triage.Inference;
using Triage.Intake;
using Triage.Training;

namespace Triage.Host.Messaging;

/// <summary>
/// The bus: MassTransit's in-memory transport by default, RabbitMQ (quorum queues) when
/// <c>ConnectionStrings:RabbitMq</c> is set, e.g. <c>amqp://guest:guest@localhost:5672/</c>.
/// </summary>
internal static class TriageBus
{
    public const string RabbitMqConnectionName = "RabbitMq";

    /// <summary>The bus, with the consumers of the services this process runs.</summary>
    public static IHostApplicationBuilder AddTriageBus(this IHostApplicationBuilder builder, HostedServices hosted)
    {
        var rabbitMq = builder.Configuration.GetConnectionString(RabbitMqConnectionName);

        // The host answers HTTP only once every queue is bound: on a new broker a case accepted earlier
        // would be published to an exchange with no queue behind it, and lost.
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromMinutes(1);
        });
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (hosted.Intake)
            {
                bus.AddIntakeConsumers();
            }

            if (hosted.Inference)
            {
                bus.AddInferenceConsumers();
            }

            if (hosted.Training)
            {
                bus.AddTrainingConsumers();
            }

            if (string.IsNullOrWhiteSpace(rabbitMq))
            {
                bus.UsingInMemory((context, transport) => transport.ConfigureEndpoints(context));
                return;
            }

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Quorum queues for the work queues; an instance's temporary queue stays classic.
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit && !endpoint.InputAddress.Query.Contains("temporary=true"))
                {
                    rabbit.SetQuorumQueue();
                }
            });
            bus.UsingRabbitMq((context, transport) =>
            {
                transport.Host(new Uri(rabbitMq));
                transport.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
