using Triage.Domain.ClinicalFeatures;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Domain.Cases;
using Triage.Domain.Diagnoses;
using Triage.Domain.Labels;
using Triage.Fhir.Review;
using Triage.Intake.Storage;
using Triage.Review.Cases;

namespace Triage.Review.Decisions;

/// <summary>
/// A biopsy result for a case already reviewed: a final Observation of it, and the labelled case relabelled from the
/// biopsy (<see cref="LabelPrecedence"/>), in one transaction.
/// </summary>
public sealed class RecordBiopsyResult(TriageDbContext db, FhirResourceStore store, CaseFeatureReader features, TimeProvider clock, ILogger<RecordBiopsyResult> logger)
{
    /// <exception cref="ReviewDecisionRefusedException">No such case, or it is not reviewed yet (give the biopsy with the decision).</exception>
    public async Task<string> RecordAsync(Guid caseId, Diagnosis biopsy, string? note, Reviewer reviewer, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new ReviewDecisionRefusedException(RefusalKind.NotFound, "There is no such case.");
        if (@case.Status != CaseStatus.Reviewed)
        {
            throw new ReviewDecisionRefusedException(RefusalKind.Invalid, "The case is not reviewed yet: give the biopsy result with the decision.");
        }

        if (note is { Length: > ReviewDecision.MaxNoteLength })
        {
            throw new ReviewDecisionRefusedException(RefusalKind.Invalid, $"The note is longer than {ReviewDecision.MaxNoteLength} characters.");
        }

        var now = clock.GetUtcNow();
        var observation = ReviewOutcomeFactory.BiopsyObservation(biopsy, string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            new ResourceReference($"Patient/{@case.PatientId}"), new ResourceReference($"Media/{@case.MediaId}"), reviewer, now);
        store.AddNew(observation, @case.PatientId);
        var label = await LabelledCases.StoreAsync(db, @case, new CaseLabel(biopsy, LabelSource.Biopsy, now), reviewer.UserName, observation.Id!,
            ClinicalFeatureJson.ToJson(await features.ReadAsync(@case, cancellationToken)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (label.ObservationId == observation.Id)
        {
            logger.LabelStored(caseId, label.Label, label.Source.ToString());
        }
        else
        {
            logger.LabelKept(caseId, label.Source.ToString());
        }

        return observation.Id!;
    }
}
