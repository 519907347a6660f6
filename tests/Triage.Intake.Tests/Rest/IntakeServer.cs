using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Testing;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// Intake as a real web server on a free loopback port, with its own SQLite file and MassTransit's test harness
/// in place of inference, reached over real HTTP as an EHR would.
/// </summary>
public sealed class IntakeServer : IAsyncDisposable
{
    public const string FhirJson = "application/fhir+json";
    public const string FhirXml = "application/fhir+xml";

    private readonly WebApplication _app;
    private readonly string _folder;

    private IntakeServer(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public MassTransit.Testing.ITestHarness Harness => _app.Services.GetRequiredService<MassTransit.Testing.ITestHarness>();

    public static string ExampleFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "fhir", name));

    public string DatabasePath => Path.Combine(_folder, "triage.db");

    /// <param name="settings">Configuration beside the defaults, e.g. <c>Intake:Review:*</c>.</param>
    /// <param name="logging">More logging, e.g. a provider that keeps what is logged for the test to read.</param>
    public static async Task<IntakeServer> StartAsync(IDictionary<string, string?>? settings = null, Action<ILoggingBuilder>? logging = null)
    {
        var folder = TestPaths.NewTempFolder("triage-intake-rest");
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Configuration["ConnectionStrings:Triage"] = $"Data Source={Path.Combine(folder, "triage.db")}";
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddTriageData();
        builder.AddIntake();
        builder.Services.AddMassTransitTestHarness(bus => bus.AddIntakeConsumers());
        var app = builder.Build();
        app.MapIntake();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new IntakeServer(app, folder, new Uri(address));
    }

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, Resource? body = null, string contentType = FhirJson, params (string Name, string Value)[] headers) =>
        SendRawAsync(method, path, body is null ? null : Serialize(body, contentType), contentType, headers);

    public Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string path, string? body, string contentType = FhirJson, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Creates a resource over HTTP and returns it as the server stored it.</summary>
    public async Task<T> CreateAsync<T>(T resource)
        where T : Resource
    {
        var response = await SendAsync(HttpMethod.Post, $"/fhir/{resource.TypeName}", resource);
        ((int)response.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
        return await response.ReadResourceAsync<T>();
    }

    /// <summary>Every stored row that a refused request must leave alone, read with a connection of its own.</summary>
    public async Task<IReadOnlyList<string>> SnapshotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var query in new[]
                 {
                     "SELECT ResourceType, ResourceId, VersionId, IsCurrent, LastUpdated, PatientId, Json FROM FhirResources ORDER BY 1, 2, 3",
                     "SELECT ResourceType, System, Value, ResourceId FROM ResourceIdentifiers ORDER BY 1, 2, 3",
                     "SELECT ResourceType, ResourceId, VersionId, DeletedAt FROM DeletedResources ORDER BY 1, 2",
                     "SELECT 'Images', COUNT(*) FROM Images", "SELECT 'Cases', COUNT(*) FROM Cases", "SELECT 'Outbox', COUNT(*) FROM Outbox",
                 })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))));
            }
        }

        return rows;
    }

    /// <summary>The rows of a read-only query on the database file, each as its columns' text.</summary>
    public async Task<IReadOnlyList<string?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return rows;
    }

    public async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static string Serialize(Resource resource, string contentType) =>
        contentType.Contains("xml", StringComparison.Ordinal) ? Triage.Fhir.Serialization.FhirXml.Serialize(resource) : Triage.Fhir.Serialization.FhirJson.Serialize(resource);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
