using Hl7.Fhir.Model;

namespace Triage.Intake;

/// <summary>One resource to create, with the <c>fullUrl</c> a Bundle gave it and where it sits in the request.</summary>
/// <param name="Expression">FHIRPath of the resource in the request, for error messages (e.g. <c>Bundle.entry[2].resource</c>).</param>
public sealed record IncomingResource(Resource Resource, string? FullUrl, string Expression);
