using Hl7.Fhir.Model;

namespace Triage.Fhir.Errors;

/// <summary>
/// A request that the FHIR API must refuse, with the HTTP status to answer and the
/// <see cref="OperationOutcome"/> to send. Create it through <see cref="FhirErrors"/>.
/// </summary>
public sealed class FhirRequestException : Exception
{
    public FhirRequestException(int statusCode, OperationOutcome outcome)
        : base(Summarise(outcome))
    {
        StatusCode = statusCode;
        Outcome = outcome;
    }

    public int StatusCode { get; }

    public OperationOutcome Outcome { get; }

    public IReadOnlyList<OperationOutcome.IssueComponent> Issues => Outcome.Issue;

    private static string Summarise(OperationOutcome outcome) =>
        outcome.Issue.Count == 0
            ? "The request was refused."
            : string.Join(" ", outcome.Issue.Select(i => i.Diagnostics ?? i.Code?.ToString()));
}
