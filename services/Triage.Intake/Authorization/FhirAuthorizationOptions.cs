namespace Triage.Intake.Authorization;

/// <summary>
/// <c>Intake:Authorization</c>: the OAuth 2.0 authorization server whose access tokens the FHIR API takes (SMART Backend
/// Services: an EHR's system client gets a token by client credentials and sends it as a Bearer token). Without an
/// authority the API asks for nothing, as the embedded host runs; any other deployment sets one.
/// </summary>
public sealed class FhirAuthorizationOptions
{
    public const string Section = "Intake:Authorization";

    /// <summary>The issuer URL; its OpenID Connect discovery document gives the signing keys and the token endpoint.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience a token must name (<c>aud</c>); when unset, any audience the authority issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>False only for a development authority on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public bool ChecksAudience => !string.IsNullOrWhiteSpace(Audience);
}
