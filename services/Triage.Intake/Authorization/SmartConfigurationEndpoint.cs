using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Triage.Intake.Fhir;
using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Authorization;

/// <summary>
/// <c>GET /fhir/.well-known/smart-configuration</c> (SMART App Launch 2): where a backend client gets its token, read
/// from the authority's discovery document. 404 when the API asks for no authorization.
/// </summary>
public static class SmartConfigurationEndpoint
{
    public const string Path = "/.well-known/smart-configuration";

    public static async Task<IResult> GetAsync(
        IOptions<FhirAuthorizationOptions> options, IOptionsMonitor<JwtBearerOptions> bearer, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            throw FhirErrors.WithStatus(StatusCodes.Status404NotFound,
                [FhirErrors.Issue(OperationOutcome.IssueType.NotFound, "This FHIR API asks for no authorization, so it has no SMART configuration.")]);
        }

        var discovery = await bearer.Get(FhirCaller.Scheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        return Microsoft.AspNetCore.Http.Results.Json(new Dictionary<string, object?>
        {
            ["issuer"] = discovery.Issuer,
            ["jwks_uri"] = discovery.JwksUri,
            ["token_endpoint"] = discovery.TokenEndpoint,
            ["token_endpoint_auth_methods_supported"] = discovery.TokenEndpointAuthMethodsSupported,
            ["grant_types_supported"] = new[] { "client_credentials" },
            ["scopes_supported"] = ScopesSupported(),
            ["capabilities"] = new[] { "client-confidential-symmetric", "client-confidential-asymmetric", "permission-v1", "permission-v2" },
        });
    }

    /// <summary>For each type, the v2 scope of everything it answers (e.g. <c>system/Media.crs</c>).</summary>
    private static string[] ScopesSupported() =>
    [
        .. FhirRestApi.Resources.Select(r => (r.Type, Letters: string.Concat(new[]
        {
            (SmartScopes.Create, r.Supports(Interaction.Create)),
            (SmartScopes.Read, r.Supports(Interaction.Read)),
            (SmartScopes.Update, r.Supports(Interaction.Update)),
            (SmartScopes.Delete, r.Supports(Interaction.Delete)),
            (SmartScopes.Search, r.Supports(Interaction.SearchType)),
        }.Where(p => p.Item2).Select(p => p.Item1))))
            .Where(s => s.Letters.Length > 0).Select(s => $"system/{s.Type}.{s.Letters}"),
    ];
}
