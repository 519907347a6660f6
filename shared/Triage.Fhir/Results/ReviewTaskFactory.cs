using Hl7.Fhir.Model;
using Triage.Domain.Review;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Fhir.Results;

/// <summary>
/// The order for a dermatologist to review an AI result: intent order, status requested, focus the RiskAssessment,
/// for the patient. <c>reasonCode</c> is the most serious reason; every reason is also an <c>input</c> of type review-reason.
/// </summary>
public static class ReviewTaskFactory
{
    private static readonly (ReviewReason Reason, string Code, string Display)[] Reasons =
    [
        (ReviewReason.Suspicious, "suspicious", "Suspicious for cancer"),
        (ReviewReason.LowConfidence, "low-confidence", "Low confidence of the deciding model"),
        (ReviewReason.Escalated, "escalated", "Escalated from the student to the teacher model"),
    ];

    /// <param name="owner">Who is to do the review (e.g. the dermatology service), or null for an unassigned worklist entry.</param>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is <see cref="ReviewReason.None"/>.</exception>
    public static FhirTask Create(
        ReviewReason reasons,
        ResourceReference riskAssessment,
        ResourceReference patient,
        ResourceReference requester,
        ResourceReference? owner,
        DateTimeOffset authoredOn)
    {
        var codings = Codings(reasons);
        if (codings.Count == 0)
        {
            throw new ArgumentException("A review task needs at least one reason.", nameof(reasons));
        }

        return new FhirTask
        {
            Meta = new Meta { Profile = [TriageCanonicals.ReviewTaskProfile] },
            Status = FhirTask.TaskStatus.Requested,
            Intent = FhirTask.TaskIntent.Order,
            Priority = reasons.HasFlag(ReviewReason.Suspicious) ? RequestPriority.Urgent : RequestPriority.Routine,
            Code = new CodeableConcept(ResultTerminology.TaskCodeSystem, ResultTerminology.DermatologistReview, "Dermatologist review", null),
            Description = $"Dermatologist review of an AI skin-lesion risk assessment: {string.Join("; ", Reasons.Where(r => reasons.HasFlag(r.Reason)).Select(r => r.Display.ToLowerInvariant()))}.",
            Focus = riskAssessment,
            For = patient,
            Requester = requester,
            Owner = owner,
            AuthoredOn = authoredOn.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ReasonCode = new CodeableConcept { Coding = [codings[0]], Text = codings[0].Display },
            Input =
            [
                .. codings.Select(c => new FhirTask.ParameterComponent
                {
                    Type = new CodeableConcept(ResultTerminology.ReviewReasonSystem, "review-reason", "Review reason", null),
                    Value = new CodeableConcept { Coding = [c] },
                }),
            ],
        };
    }

    /// <summary>The reason codes of a task, most serious first.</summary>
    public static IReadOnlyList<Coding> Codings(ReviewReason reasons) =>
        [.. Reasons.Where(r => reasons.HasFlag(r.Reason)).Select(r => new Coding(ResultTerminology.ReviewReasonSystem, r.Code, r.Display))];
}
