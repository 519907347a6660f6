using Triage.Domain.ClinicalFeatures;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Cases;
using Triage.Data.Labels;
using Triage.Domain.Cases;
using Triage.Domain.Labels;
using Triage.Fhir.Review;
using Triage.Fhir.Serialization;
using Triage.Intake.Storage;
using Triage.Intake.Subscriptions;
using Triage.Review.Cases;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Review.Decisions;

/// <summary>What a recorded decision wrote.</summary>
public sealed record RecordedDecision(string TaskId, string ObservationId, LabelledCase? Label);

/// <summary>
/// Records a dermatologist's decision in one transaction: the final Observation of the diagnosis, the review Task
/// completed with it, the case moved to Reviewed with who decided, and the labelled case for retraining (a biopsy
/// result, when given, is the label). A decision on a case another reviewer holds, decided, or changed since it was
/// opened is refused, and nothing is written.
/// </summary>
public sealed class RecordReviewDecision(
    TriageDbContext db,
    FhirResourceStore store,
    SubscriptionEvents subscriptions,
    CaseFeatureReader features,
    TimeProvider clock,
    ILogger<RecordReviewDecision> logger)
{
    /// <exception cref="ReviewDecisionRefusedException">The case is unknown, not waiting, or another reviewer got there first.</exception>
    public async Task<RecordedDecision> RecordAsync(Guid caseId, ReviewDecision decision, Reviewer reviewer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw Refuse(caseId, reviewer, RefusalKind.NotFound, "There is no such case.");
        CheckStillOpen(@case, decision, reviewer, now);

        var taskRecord = await store.FindCurrentForUpdateAsync("Task", @case.ReviewTaskId!, cancellationToken)
            ?? throw Refuse(caseId, reviewer, RefusalKind.NotFound, "The case's review Task is missing.");
        var task = FhirJson.Parse<FhirTask>(taskRecord.Json);

        var observation = ReviewOutcomeFactory.DiagnosisObservation(
            decision.Diagnosis, decision.Biopsy, decision.Note,
            new ResourceReference($"Patient/{@case.PatientId}"), new ResourceReference($"Media/{@case.MediaId}"), reviewer, now);
        store.AddNew(observation, @case.PatientId);
        try
        {
            ReviewOutcomeFactory.Complete(task, decision.Diagnosis, new ResourceReference($"Observation/{observation.Id}"), reviewer, now);
        }
        catch (InvalidOperationException e)
        {
            throw Refuse(caseId, reviewer, RefusalKind.Conflict, e.Message);
        }

        await store.AddVersionAsync(taskRecord, task, @case.PatientId, cancellationToken);
        await subscriptions.AddAsync(SubscriptionTopics.ReviewCompleted, $"Task/{task.Id}", @case.PatientId, cancellationToken);
        @case.CompleteReview(reviewer.UserName, now);
        var label = await AddLabelAsync(@case, decision, reviewer, observation.Id!, now, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The case's revision or the Task's next version was taken by a concurrent decision or claim.
            db.ChangeTracker.Clear();
            throw Refuse(caseId, reviewer, RefusalKind.Conflict, "Another reviewer decided or took this case a moment ago; nothing was saved. Reload it to see their decision.");
        }

        logger.CaseReviewed(caseId, reviewer.UserName, decision.Diagnosis.Code, task.Id!, observation.Id!);
        if (label is not null)
        {
            logger.LabelStored(caseId, label.Label, label.Source.ToString());
        }

        return new RecordedDecision(task.Id!, observation.Id!, label);
    }

    private void CheckStillOpen(TriageCase @case, ReviewDecision decision, Reviewer reviewer, DateTimeOffset now)
    {
        if (@case.Status == CaseStatus.Reviewed)
        {
            throw Refuse(@case.Id, reviewer, RefusalKind.Conflict,
                $"This case was already decided by {@case.ReviewedBy} at {@case.ReviewedAt:yyyy-MM-dd HH:mm} UTC; nothing was saved.");
        }

        if (@case.Status != CaseStatus.FlaggedForReview || @case.ReviewTaskId is null)
        {
            throw Refuse(@case.Id, reviewer, RefusalKind.NotFound, "This case is not waiting for review.");
        }

        if (@case.Claim is { } claim && claim.IsActiveAt(now) && claim.Reviewer != reviewer.UserName)
        {
            throw Refuse(@case.Id, reviewer, RefusalKind.Conflict,
                $"{claim.Reviewer} is reviewing this case (until {claim.Until:HH:mm} UTC); nothing was saved.");
        }

        if (@case.Revision != decision.SeenRevision)
        {
            throw Refuse(@case.Id, reviewer, RefusalKind.Conflict,
                "The case changed since you opened it (another reviewer took it); nothing was saved. Reload it before deciding.");
        }
    }

    private ReviewDecisionRefusedException Refuse(Guid caseId, Reviewer reviewer, RefusalKind kind, string message)
    {
        logger.DecisionRefused(caseId, reviewer.UserName, kind.ToString());
        return new ReviewDecisionRefusedException(kind, message);
    }

    /// <summary>The label for training: the biopsy result when given, else the dermatologist's diagnosis; none for a photo that cannot be assessed.</summary>
    private async Task<LabelledCase?> AddLabelAsync(TriageCase @case, ReviewDecision decision, Reviewer reviewer, string observationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CaseLabel? incoming = decision.Biopsy is { } biopsy
            ? new CaseLabel(biopsy, LabelSource.Biopsy, now)
            : decision.Diagnosis.Diagnosis is { } diagnosis ? new CaseLabel(diagnosis, LabelSource.Dermatologist, now) : null;
        if (incoming is not { } label)
        {
            return null;
        }

        return await LabelledCases.StoreAsync(db, @case, label, reviewer.UserName, observationId,
            ClinicalFeatureJson.ToJson(await features.ReadAsync(@case, cancellationToken)), cancellationToken);
    }
}
