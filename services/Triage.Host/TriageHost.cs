using Triage.Data;
using Triage.Host.Messaging;
using Triage.Inference;
using Triage.Intake;
using Triage.Training;

namespace Triage.Host;

/// <summary>Composes every service into one web application (the embedded host).</summary>
public static class TriageHost
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Every SQL statement at Information would drown the log (the outbox polls every second).
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        builder.AddTriageData();
        builder.AddIntake();
        builder.AddInference();
        builder.AddTraining();
        builder.AddTriageBus();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.MapIntake();
        app.MapTraining();
        app.MapHealthEndpoints();
        return app;
    }
}
