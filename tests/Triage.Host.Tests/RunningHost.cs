using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>
/// The real embedded host on a free loopback port, with its own SQLite file and the released model,
/// reached over real HTTP.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        Folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
    }

    public static string ModelPath => Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "baseline.onnx");

    public HttpClient Client { get; }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "triage.db");

    public IServiceProvider Services => _app.Services;

    public static Task<RunningHost> StartAsync(params string[] settings) => StartInAsync(null, settings);

    /// <param name="folder">The folder of an earlier host, to restart on its database; null for a fresh one.</param>
    public static async Task<RunningHost> StartInAsync(string? folder, params string[] settings)
    {
        folder ??= TestPaths.NewTempFolder("triage-host");
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:Triage", $"Data Source={Path.Combine(folder, "triage.db")}",
            "--Training:ChampionSettingsPath", Path.Combine(folder, "serving-champion.json"),
            "--Logging:LogLevel:Default", "Warning",
            .. settings,
        ];
        if (!settings.Contains("--Inference:ModelPath") && !File.Exists(Path.Combine(folder, "serving-champion.json")))
        {
            args = [.. args, "--Inference:ModelPath", ModelPath];
        }

        var app = TriageHost.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningHost(app, folder, new Uri(address));
    }

    /// <summary>Rows in each table of the SQLite file, read with a separate connection.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "FhirResources", "Images", "Cases", "Outbox" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    /// <summary>Stops the host as a shutdown would, leaving its database for a restart.</summary>
    public async Task StopKeepingFilesAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopKeepingFilesAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; the folder is under the temp folder.
        }
    }
}
