using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Domain.Promotion;
using Triage.Imaging;
using Triage.Inference;
using Triage.Inference.Models;
using Triage.Training.Corpus;
using Triage.Training.Jobs;
using Triage.Training.Memory;
using Triage.Training.Pipeline;
using Triage.Training.Promotion;
using Triage.Training.Registry;

namespace Triage.Training;

public static class TrainingServiceExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>
    /// The model registry (<c>ConnectionStrings:Training</c>, else the platform's <c>ConnectionStrings:Triage</c>
    /// SQLite database), the pipeline, and Hangfire: SQL Server storage when <c>ConnectionStrings:Hangfire</c> is set,
    /// in-memory otherwise; one worker on the training queue, one for the new-case check; the recurring jobs.
    /// Publishing <see cref="Contracts.ModelPromoted"/> needs a MassTransit bus registered beside it.
    /// </summary>
    public static IHostApplicationBuilder AddTraining(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrainingJobsOptions>().Bind(configuration.GetSection(TrainingJobsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PromotionGateOptions>().Bind(configuration.GetSection(PromotionGateOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PromotionGateOptions>, PromotionGateOptionsValidator>();
        services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.SectionName));

        var registry = configuration.GetConnectionString("Training") ?? configuration.GetConnectionString("Triage") ?? "Data Source=data/triage.db";
        services.AddDbContext<TrainingDbContext>(options =>
            options.UseSqlite(registry, sqlite => sqlite.MigrationsHistoryTable(TrainingDbContext.MigrationsHistoryTable)));
        services.AddHostedService<RegistryMigrator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ImageLimits.Default);
        services.TryAddSingleton<ImageDecoder>();
        services.TryAddSingleton<ImagePreprocessor>();
        services.TryAddSingleton<ExecutionProviderSelector>();
        services.AddSingleton<ILabelledCaseSource, SeedFolderCaseSource>();
        services.AddSingleton<ILabelledCaseSource, ReviewedCaseSource>();
        services.AddScoped<CorpusAssembler>();
        services.AddScoped<ModelRegistry>();
        services.AddScoped<TrainingRunRecorder>();
        services.AddScoped<OnnxCaseClassifier>();
        services.AddScoped<NetworkTraining>();
        services.TryAddSingleton<IProcessMemory, ProcessMemory>();
        services.AddScoped<MemoryBudgetCheck>();
        services.AddScoped<ResidentMemoryWatch>();
        services.AddScoped<ParityCheck>();
        services.AddScoped<FrozenSetEvaluation>();
        services.AddScoped<ServingChampion>();
        services.AddScoped<ChampionAnnouncer>();
        services.AddOptions<ChampionSettingsOptions>().Bind(configuration.GetSection(ChampionSettingsOptions.Section));
        services.AddSingleton<ChampionSettingsFile>();
        services.AddScoped<ChampionRollback>();
        services.AddScoped<PromotionStep>();
        services.AddScoped<TrainingPipeline>();
        services.AddScoped<ManualTrainingRuns>();
        services.AddScoped<RedistillStudentJob>();
        services.AddScoped<RetrainTeacherJob>();
        services.AddScoped<NewLabelledCasesJob>();

        AddHangfire(services, configuration.GetConnectionString("Hangfire"));
        services.AddHostedService<RecurringTrainingSchedule>();
        return builder;
    }

    /// <summary>The training service's consumers: a labelled case runs the new-case check at once.</summary>
    public static void AddTrainingConsumers(this IBusRegistrationConfigurator bus) => bus.AddConsumer<CaseLabelledConsumer>();

    /// <summary>The Hangfire dashboard at <see cref="DashboardPath"/>, for those <see cref="JobsDashboardAccess"/> lets in.</summary>
    public static WebApplication MapTraining(this WebApplication app)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new JobsDashboardAccess(app.Environment)],
            DashboardTitle = "Triage training",
            AppPath = "/",
        });
        return app;
    }

    /// <summary>Jobs are built from this host's services. Otherwise the server may take Hangfire's process-wide
    /// <c>JobActivator.Current</c>, which every host starting in the process sets: with two hosts in one process (tests)
    /// a job was seen running with the other host's settings and recording its run in the other host's registry.</summary>
    private static AspNetCoreJobActivator HostJobActivator(IServiceProvider provider) =>
        new(provider.GetRequiredService<IServiceScopeFactory>());

    private static void AddHangfire(IServiceCollection services, string? sqlServer)
    {
        // The storage is this host's own service, not Hangfire's process-wide JobStorage.Current: two hosts in one
        // process (tests) would otherwise end up sharing whichever storage was configured last.
        services.AddSingleton<JobStorage>(_ => string.IsNullOrWhiteSpace(sqlServer) ? new InMemoryStorage() : new SqlServerStorage(sqlServer));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HostHangfireLogProvider(provider.GetRequiredService<ILoggerFactory>())));
        // One worker on the training queue: one run at a time here, and the rest of the machine keeps serving.
        services.AddHangfireServer((provider, server) =>
        {
            server.Activator = HostJobActivator(provider);
            server.ServerName = $"{Environment.MachineName}:training";
            server.Queues = [TrainingQueue.Name];
            server.WorkerCount = 1;
        });
        services.AddHangfireServer((provider, server) =>
        {
            server.Activator = HostJobActivator(provider);
            server.ServerName = $"{Environment.MachineName}:checks";
            server.Queues = [NewLabelledCasesJob.Queue];
            server.WorkerCount = 1;
        });
    }
}
