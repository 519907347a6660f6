using Hl7.Fhir.Model;
using Triage.Fhir.Validation;

namespace Triage.Intake.Validation;

/// <summary>
/// Holds what is created or updated to the project's profiles (<see cref="ProfileValidator.ValidateForIntake"/>): every lesion
/// photo and clinical feature, and whatever claims one of the profiles. Errors refuse the whole request; warnings do not.
/// </summary>
public sealed class IntakeProfileCheck(ProfileValidator validator)
{
    /// <exception cref="FhirRequestException">422 with every error of every resource, and their warnings.</exception>
    public void Check(IEnumerable<IncomingResource> items)
    {
        var issues = items.Where(i => i.Resource is not Binary)
            .SelectMany(i => validator.ValidateForIntake(i.Resource, i.Expression))
            .ToList();
        if (issues.Any(IsError))
        {
            throw FhirErrors.Unprocessable(issues.Where(i => i.Severity != OperationOutcome.IssueSeverity.Information));
        }
    }

    private static bool IsError(OperationOutcome.IssueComponent issue) =>
        issue.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal;
}
