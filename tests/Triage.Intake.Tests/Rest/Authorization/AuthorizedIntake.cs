using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Triage.Review.Tests.OpenIdConnect;

namespace Triage.Intake.Tests.Rest.Authorization;

/// <summary>Intake asking for tokens of a real authorization server, and a system client registered there.</summary>
internal sealed class AuthorizedIntake : IAsyncDisposable
{
    public const string ClientId = "ehr-backend";
    public const string ClientSecret = "ehr-backend-secret";
    private const string AuditCategory = "Triage.Intake.FhirAudit";

    private AuthorizedIntake(IdentityProvider provider, IntakeServer server)
    {
        Provider = provider;
        Server = server;
    }

    public IdentityProvider Provider { get; }

    public IntakeServer Server { get; }

    /// <param name="granted">The scopes the client may ask for.</param>
    /// <param name="audience">The audience intake demands; by default the one the provider issues for.</param>
    public static async Task<AuthorizedIntake> StartAsync(string[] granted, string audience = IdentityProvider.Audience)
    {
        var provider = await IdentityProvider.StartAsync();
        await provider.RegisterSystemClientAsync(ClientId, ClientSecret, granted);
        var server = await IntakeServer.StartAsync(new Dictionary<string, string?>
        {
            ["Intake:Authorization:Authority"] = provider.Address.ToString(),
            ["Intake:Authorization:Audience"] = audience,
            ["Intake:Authorization:RequireHttpsMetadata"] = "false",
            [$"Logging:LogLevel:{AuditCategory}"] = "Information",
        }, logging => logging.AddFakeLogging());
        return new AuthorizedIntake(provider, server);
    }

    /// <summary>The access log's lines so far.</summary>
    public IReadOnlyList<FakeLogRecord> AuditRecords =>
        [.. Server.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == AuditCategory)];

    public Task<string> TokenAsync(params string[] scopes) => Provider.RequestTokenAsync(ClientId, ClientSecret, scopes);

    public static (string, string) Bearer(string token) => ("Authorization", $"Bearer {token}");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
