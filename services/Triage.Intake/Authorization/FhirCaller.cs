using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Triage.Intake.Fhir;

namespace Triage.Intake.Authorization;

/// <summary>The authenticated client of a FHIR request and what its scopes allow; kept with the request once known.</summary>
public sealed class FhirCaller(ClaimsPrincipal principal, SmartScopes scopes)
{
    public const string Scheme = "FhirBearer";
    private static readonly object Key = new();

    /// <summary>The OAuth client the token was issued to (<c>client_id</c>, RFC 9068; else <c>azp</c> or <c>sub</c>).</summary>
    public string ClientId =>
        new[] { "client_id", "azp", "sub" }.Select(principal.FindFirst).FirstOrDefault(c => !string.IsNullOrEmpty(c?.Value))?.Value ?? "(unnamed)";

    /// <summary>The caller of the request, or null when the API asks for no authorization.</summary>
    public static FhirCaller? Of(HttpContext context) => context.Items.TryGetValue(Key, out var caller) ? (FhirCaller)caller! : null;

    /// <summary>The caller of a valid Bearer token, kept with the request; null without one.</summary>
    public static async Task<FhirCaller?> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal is not { Identity.IsAuthenticated: true } principal)
        {
            return null;
        }

        var caller = new FhirCaller(principal, SmartScopes.Parse(principal.FindAll("scope").Concat(principal.FindAll("scp")).Select(c => c.Value)));
        context.Items[Key] = caller;
        return caller;
    }

    /// <summary>401 with a Bearer challenge (RFC 6750) and an OperationOutcome saying why.</summary>
    public static IResult Challenge(HttpContext context)
    {
        var hasToken = context.Request.Headers.Authorization.Any(v => v?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true);
        context.Response.Headers[HeaderNames.WWWAuthenticate] = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        var outcome = FhirErrors.Outcome(
        [
            FhirErrors.Issue(OperationOutcome.IssueType.Login, hasToken
                ? "The access token was not accepted (expired, not signed by the configured authority, or for another audience)."
                : "This FHIR API needs an OAuth 2.0 access token (Authorization: Bearer ...); see /fhir/.well-known/smart-configuration."),
        ]);
        return FhirResults.Resource(outcome, StatusCodes.Status401Unauthorized);
    }

    public bool Allows(string type, char permission) => scopes.Allows(type, permission);

    /// <exception cref="FhirRequestException">403 naming every scope missing.</exception>
    public void Demand(IEnumerable<FhirAccess> accesses)
    {
        var missing = accesses.Distinct().Where(a => !scopes.Allows(a.Type, a.Permission)).ToList();
        if (missing.Count > 0)
        {
            throw FhirErrors.WithStatus(StatusCodes.Status403Forbidden,
                [.. missing.Select(a => FhirErrors.Issue(OperationOutcome.IssueType.Forbidden,
                    $"The access token does not grant {SmartScopes.Naming(a.Type, a.Permission)}, which this request needs."))]);
        }
    }
}
