using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triage.Contracts;
using Triage.Data.Outbox;
using Triage.Testing;

namespace Triage.Data.Tests;

public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly string _folder = TestPaths.NewTempFolder("triage-outbox");
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Triage"] = $"Data Source={Path.Combine(_folder, "triage.db")}";
        builder.AddTriageData();
        builder.Services.AddMassTransitTestHarness(bus => bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5)));
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_committed_message_is_published_once_and_marked_sent()
    {
        var request = new ClassificationRequested(Guid.NewGuid(), Guid.NewGuid(), new string('f', 64), "pad-ufes-20/v1", [1f, 0f], DateTimeOffset.UtcNow);
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            db.AddToOutbox(request, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        _host.Services.GetRequiredService<OutboxSignal>().Notify();
        var harness = _host.Services.GetRequiredService<ITestHarness>();

        await Poll.UntilAsync(() => harness.Published.Select<ClassificationRequested>(m => m.Context.Message.CaseId == request.CaseId).Any(), "the request published");
        var message = harness.Published.Select<ClassificationRequested>().Single().Context.Message;
        message.Should().BeEquivalentTo(request);

        await Poll.UntilAsync(async () =>
        {
            using var s = _host.Services.CreateScope();
            return (await s.ServiceProvider.GetRequiredService<TriageDbContext>().Outbox.SingleAsync()).SentAt != null;
        }, "the message marked sent");
        harness.Published.Select<ClassificationRequested>().Count().Should().Be(1);
    }

    [Fact]
    public async Task An_uncommitted_message_is_never_published()
    {
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            db.AddToOutbox(new ClassificationRequested(Guid.NewGuid(), Guid.NewGuid(), "x", "v", [], DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
            // No SaveChanges: the unit of work is abandoned, as when intake refuses a request.
        }

        _host.Services.GetRequiredService<OutboxSignal>().Notify();
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        (await harness.Published.Any<ClassificationRequested>(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token)).Should().BeFalse();
    }
}
