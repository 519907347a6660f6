using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Triage.Data.Images;

namespace Triage.Inference.Tests;

/// <summary>The inference service as the host composes it, its consumers on MassTransit's test harness.</summary>
internal static class InferenceOnTestHarness
{
    /// <param name="configure">Registers what a test replaces (a logger to read, say) before the service is added.</param>
    public static ServiceProvider Build(IImageStore store, IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(store);
        configure?.Invoke(services);
        return services
            .AddInference(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddMassTransitTestHarness(bus => bus.AddInferenceConsumers())
            .BuildServiceProvider(validateScopes: true);
    }
}
