using Hl7.Fhir.Model;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triage.Data;
using Triage.Testing;

namespace Triage.Intake.Tests;

/// <summary>Intake with a real SQLite file and MassTransit's test harness in place of inference.</summary>
public sealed class IntakeHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IHost _host;

    private IntakeHost(string folder, IHost host)
    {
        _folder = folder;
        _host = host;
    }

    public ITestHarness Harness => _host.Services.GetRequiredService<ITestHarness>();

    public static async Task<IntakeHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = TestPaths.NewTempFolder("triage-intake");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Triage"] = $"Data Source={Path.Combine(folder, "triage.db")}";
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddTriageData();
        builder.AddIntake();
        builder.Services.AddMassTransitTestHarness(bus =>
        {
            bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5));
            bus.AddIntakeConsumers();
        });
        var host = builder.Build();
        await host.StartAsync();
        return new IntakeHost(folder, host);
    }

    /// <summary>Runs one request's worth of work in its own scope, as an HTTP request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<IReadOnlyList<Resource>> CreateAsync(params Resource[] resources) =>
        (await CreateWithOutcomesAsync(resources.Select((r, i) => new IncomingResource(r, null, $"resource[{i}]")).ToArray()))
            .Select(o => o.Resource).ToList();

    public Task<IReadOnlyList<IntakeOutcome>> CreateWithOutcomesAsync(params IncomingResource[] resources) =>
        InScopeAsync(services => services.GetRequiredService<ResourceIntake>().CreateAsync(resources, CancellationToken.None));

    public Task<T> DbAsync<T>(Func<TriageDbContext, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<TriageDbContext>()));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
