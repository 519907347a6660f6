using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Triage.Data;
using Triage.Host.Composition;
using Triage.Host.Messaging;
using Triage.Inference;
using Triage.Intake;
using Triage.Review;
using Triage.Training;
using Triage.Training.Promotion;

namespace Triage.Host;

/// <summary>
/// Composes the platform's services into one web application: all of them (the embedded host), or those
/// <see cref="HostedServices"/> names, beside processes that run the others on the same database and bus.
/// </summary>
public static class TriageHost
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The released models and their escalation thresholds, relative to the content root; every other
    /// configuration source overrides it.</summary>
    public const string ReleasedModelsSettings = "deploy/models/serving.json";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
        });
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(builder.Environment.ContentRootPath),
            Path = ReleasedModelsSettings,
            Optional = true,
        });

        // The champion training last announced, above the released pair: a restart serves what was promoted.
        var champion = Path.GetFullPath(
            builder.Configuration[$"{ChampionSettingsOptions.Section}:{nameof(ChampionSettingsOptions.ChampionSettingsPath)}"]
                ?? new ChampionSettingsOptions().ChampionSettingsPath,
            builder.Environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(champion)!);
        builder.Configuration.Sources.Insert(1, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(champion)!),
            Path = Path.GetFileName(champion),
            Optional = true,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Every SQL statement at Information would drown the log (the outbox polls every second).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var hosted = HostedServicesSetting.Read(builder.Configuration);
        builder.AddTriageData();
        if (hosted.Intake)
        {
            builder.AddIntake();
        }

        if (hosted.Review)
        {
            builder.AddReview();
        }

        if (hosted.Inference)
        {
            builder.AddInference();
        }

        if (hosted.Training)
        {
            builder.AddTraining();
        }

        builder.AddTriageBus(hosted);
        builder.Services.AddSingleton(hosted);
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        if (hosted.Intake)
        {
            app.MapIntake();
        }

        if (hosted.Review)
        {
            app.MapReview();
        }

        if (hosted.Training)
        {
            app.MapTraining();
        }

        app.MapHealthEndpoints();
        return app;
    }
}
