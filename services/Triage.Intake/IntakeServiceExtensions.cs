using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Fhir.Conformance;
using Triage.Fhir.Validation;
using Triage.Imaging;
using Triage.Intake.Authorization;
using Triage.Intake.Bundles;
using Triage.Intake.Fhir;
using Triage.Intake.MediaIntake;
using Triage.Intake.Observations;
using Triage.Intake.Results;
using Triage.Intake.Review;
using Triage.Intake.Search;
using Triage.Intake.Storage;
using Triage.Intake.Subscriptions;
using Triage.Intake.Validation;
using Triage.Intake.Versions;

namespace Triage.Intake;

public static class IntakeServiceExtensions
{
    /// <summary>The FHIR intake and result write-back. Needs the data layer (<c>AddTriageData</c>).</summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IntakeOptions>().Bind(builder.Configuration.GetSection(IntakeOptions.Section));
        services.AddOptions<ReviewOptions>().Bind(builder.Configuration.GetSection(ReviewOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidator>();
        builder.AddFhirAuthorization();
        services.AddExceptionHandler<FhirExceptionHandler>();
        services.AddProblemDetails();
        services.AddSingleton<FhirRequestReader>();
        services.AddSingleton(new ImageDecoder(ImageLimits.Default));
        services.AddSingleton<LesionPhotoCheck>();
        services.AddOptions<PhotoSourceOptions>().Bind(builder.Configuration.GetSection(PhotoSourceOptions.Section));
        // A redirect could lead off the allow-list, so none is followed.
        services.AddHttpClient(PhotoByReference.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<PhotoByReference>();
        services.AddScoped<FhirResourceStore>();
        services.AddScoped<ReferenceResolver>();
        services.AddScoped<ConditionalCreate>();
        services.AddScoped<IdentifierRace>();
        services.AddScoped<CaseFeatureCollector>();
        services.AddHostedService<WaitingCaseRelease>();
        services.AddScoped<AcceptMediaHandler>();
        // Loading the core specification and compiling profiles is slow: one validator serves the process, warmed at start.
        services.AddSingleton(_ => ConformanceSource.Shared);
        services.AddSingleton(_ => ProfileValidator.Shared);
        services.AddSingleton<IntakeProfileCheck>();
        services.AddHostedService<ProfileValidatorWarmUp>();
        services.AddScoped<ResourceIntake>();
        services.AddScoped<BundleHandler>();
        services.AddScoped<ResourceUpdate>();
        services.AddScoped<ModelDevices>();
        services.AddScoped<ResourceSearcher>();
        services.AddScoped<ResultWriteBack>();
        services.AddOptions<SubscriptionOptions>().Bind(builder.Configuration.GetSection(SubscriptionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SubscriptionOptions>, SubscriptionOptionsValidator>();
        services.AddScoped<SubscriptionEvents>();
        services.AddScoped<SubscriptionUpdate>();
        services.AddScoped<SubscriptionDeletion>();
        // A redirect could lead anywhere, so none is followed; the poster sets its own timeout per POST.
        services.AddHttpClient(NotificationPoster.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<NotificationPoster>();
        services.AddScoped<SubscriptionStatusWriter>();
        services.AddScoped<SubscriptionEnd>();
        services.AddScoped<HandshakeSender>();
        services.AddScoped<EventDelivery>();
        services.AddScoped<HeartbeatSender>();
        services.AddHostedService<SubscriptionDispatcher>();
        return builder;
    }

    public static void AddIntakeConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ClassificationCompletedConsumer, ClassificationCompletedConsumerDefinition>();
        bus.AddConsumer<ClassificationFaultConsumer>();
    }

    public static WebApplication MapIntake(this WebApplication app)
    {
        var authorization = app.Services.GetRequiredService<IOptions<FhirAuthorizationOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IntakeServiceExtensions));
        if (authorization.Enabled)
        {
            logger.FhirApiAuthorized(authorization.Authority!);
        }
        else
        {
            logger.FhirApiOpen();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages(FhirStatusCodePages.WriteAsync);
        app.MapFhirEndpoints();
        return app;
    }
}
