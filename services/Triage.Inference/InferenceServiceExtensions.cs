using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Imaging;
using Triage.Inference.Batching;
using Triage.Inference.Classification;
using Triage.Inference.Escalation;
using Triage.Inference.Models;
using Triage.Inference.Promotion;

namespace Triage.Inference;

public static class InferenceServiceExtensions
{
    /// <summary>The student (and the teacher, when configured) in a <see cref="ServingModelsHolder"/> that promotions
    /// swap, preprocessing, escalation and the readiness check; the bus registration adds the consumers with
    /// <see cref="AddInferenceConsumers"/>.
    /// Needs an IImageStore registered.</summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddInference(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ImageLimits.Default);
        services.TryAddSingleton<ImageDecoder>();
        services.TryAddSingleton<ImagePreprocessor>();
        services.TryAddSingleton<ExecutionProviderSelector>();
        services.TryAddSingleton<IClassificationScheduler, DynamicBatchingScheduler>();
        services.TryAddSingleton<ServingModelsLoader>();
        services.TryAddSingleton(provider => new ServingModelsHolder(
            provider.GetRequiredService<ServingModelsLoader>().LoadConfigured(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ServingModelsHolder>>()));
        services.TryAddSingleton<PromotedModelsLoader>();
        services.TryAddSingleton<NewestPromotion>();
        services.AddHostedService<ModelWarmUp>();
        services.AddHealthChecks().AddCheck<ModelReadyHealthCheck>(ModelReadyHealthCheck.Name, tags: ["ready"]);
        return services;
    }

    public static void AddInferenceConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ClassifyCaseConsumer, ClassifyCaseConsumerDefinition>();
        bus.AddConsumer<ModelPromotedConsumer, ModelPromotedConsumerDefinition>();
    }
}
