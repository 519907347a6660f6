using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Triage.Data.Images;
using Triage.Data.Outbox;
using Triage.Data.Subscriptions;

namespace Triage.Data;

public static class DataServiceExtensions
{
    /// <summary>The embedded default: a SQLite file under the working folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/triage.db";

    /// <summary>Off (<c>Outbox:Relay false</c>) in a short-lived process: what it commits to the outbox is published by
    /// the relay of a process that serves on the same database, on that process's bus.</summary>
    public const string OutboxRelaySetting = "Outbox:Relay";

    /// <summary>
    /// The database (connection string <c>ConnectionStrings:Triage</c>, SQLite), migrated at start,
    /// the image store, and the outbox dispatcher (unless <see cref="OutboxRelaySetting"/> is false).
    /// </summary>
    public static IHostApplicationBuilder AddTriageData(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Triage") ?? DefaultConnectionString;
        builder.Services.AddDbContext<TriageDbContext>(options => options.UseSqlite(connectionString));
        builder.Services.AddScoped<IImageStore, EfImageStore>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<SubscriptionSignal>();
        if (RelaysOutbox(builder.Configuration))
        {
            builder.Services.AddHostedService<OutboxDispatcher>();
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    public static bool RelaysOutbox(IConfiguration configuration) => configuration.GetValue(OutboxRelaySetting, defaultValue: true);
}
