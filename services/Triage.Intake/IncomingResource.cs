using Hl7.Fhir.Model;

namespace Triage.Intake;

/// <summary>One resource to create, with the <c>fullUrl</c> a Bundle gave it and where it sits in the request.</summary>
/// <param name="Expression">FHIRPath of the resource in the request, for error messages (e.g. <c>Bundle.entry[2].resource</c>).</param>
/// <param name="IfNoneExist">A conditional create's search (<c>identifier=system|value</c>): when it matches, nothing is created.</param>
public sealed record IncomingResource(Resource Resource, string? FullUrl, string Expression, string? IfNoneExist = null);

/// <summary>What became of one incoming resource: created (201), or an existing one matched its condition (200).</summary>
public sealed record IntakeOutcome(Resource Resource, bool Created);
