using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Triage.Host.Benchmarks;

/// <summary>The embedded host on a free loopback port with a database of its own, as `serve` runs it, for a load test.</summary>
public sealed class LoadTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private LoadTestHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration as command-line pairs, e.g. <c>--Inference:ModelPath</c>, <c>M</c>.</param>
    public static async Task<LoadTestHost> StartAsync(IEnumerable<string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("triage-load-test-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Triage", $"Data Source={Path.Combine(folder, "triage.db")}",
            "--Logging:LogLevel:Default", "Warning",
            // What a training run in this host writes stays in its folder.
            "--Training:Pipeline:ArtefactFolder", Path.Combine(folder, "runs"),
            "--Training:ChampionSettingsPath", Path.Combine(folder, "serving-champion.json"),
            .. settings,
        ];
        var app = TriageHost.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoadTestHost(app, folder, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
