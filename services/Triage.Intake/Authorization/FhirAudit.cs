using Microsoft.Extensions.Logging;

namespace Triage.Intake.Authorization;

/// <summary>
/// The access log of the FHIR API when it asks for authorization (event ids 1020-1029, category
/// <c>Triage.Intake.FhirAudit</c>): which client did what to which resource, and the answer. The route pattern and the
/// resource id only, never the query (search values may be identifiers of patients) or a body.
/// </summary>
internal static partial class FhirAudit
{
    public const string Category = "Triage.Intake.FhirAudit";

    [LoggerMessage(1020, LogLevel.Information, "FHIR {Method} {Route} {ResourceId} by client {ClientId}: {StatusCode}")]
    public static partial void Accessed(this ILogger logger, string method, string route, string resourceId, string clientId, int statusCode);

    [LoggerMessage(1021, LogLevel.Warning, "FHIR {Method} {Route} {ResourceId} refused: no valid access token")]
    public static partial void Unauthenticated(this ILogger logger, string method, string route, string resourceId);
}
