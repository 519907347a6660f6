using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Data.Cases;
using Triage.Domain.Diagnoses;
using Triage.Domain.Review;
using Triage.Intake.Review;
using Triage.Intake.Storage;
using Triage.Intake.Subscriptions;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Intake.Results;

/// <summary>What one result wrote back: the RiskAssessment, its Provenance, and the review Task when the case was flagged.</summary>
public sealed record WrittenResult(RiskAssessment RiskAssessment, Provenance Provenance, ReviewReason ReviewReasons, FhirTask? ReviewTask);

/// <summary>
/// Adds a model's answer for a case to the unit of work as FHIR: the Devices of the models that ran, the RiskAssessment,
/// its Provenance, a review Task when <see cref="ReviewFlagPolicy"/> flags the case, and the notifications of the subscriptions to
/// results. The caller saves them together.
/// </summary>
public sealed class ResultWriteBack(
    FhirResourceStore store, ModelDevices devices, SubscriptionEvents subscriptions, IOptions<ReviewOptions> options, TimeProvider clock)
{
    /// <exception cref="ArgumentException">The answer is malformed (probabilities, deciding model, escalation reasons).</exception>
    public async Task<WrittenResult> AddAsync(TriageCase @case, ClassificationCompleted result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var patient = new ResourceReference($"Patient/{@case.PatientId}");
        var media = new ResourceReference($"Media/{@case.MediaId}");
        var observations = @case.ObservationIds.Select(id => new ResourceReference($"Observation/{id}")).ToList();

        var deciding = await devices.FindOrAddAsync(result.ModelName, result.ModelVersion, result.DecidedBy, cancellationToken);
        var escalatingStudent = result.DecidedBy == ModelRole.Teacher
            ? await devices.FindOrAddAsync(result.StudentOutput.ModelName, result.StudentOutput.ModelVersion, ModelRole.Student, cancellationToken)
            : null;

        var riskAssessment = RiskAssessmentFactory.Create(result, patient, media, observations, deciding);
        store.AddNew(riskAssessment, @case.PatientId);
        var assessed = new ResourceReference($"RiskAssessment/{riskAssessment.Id}");
        var provenance = ResultProvenanceFactory.Create(assessed, deciding, escalatingStudent, [media, .. observations], result.CompletedAt, now);
        store.AddNew(provenance, @case.PatientId);

        var reasons = ReviewFlagPolicy.Decide(InClassOrder(result), escalated: result.EscalationReasons.Count > 0, options.Value.Thresholds);
        FhirTask? task = null;
        if (reasons != ReviewReason.None)
        {
            var owner = options.Value.Owner is { } reference ? new ResourceReference(reference) : null;
            task = ReviewTaskFactory.Create(reasons, assessed, patient, deciding, owner, now);
            store.AddNew(task, @case.PatientId);
        }

        await subscriptions.AddAsync(SubscriptionTopics.ResultAvailable, $"RiskAssessment/{riskAssessment.Id}", @case.PatientId, cancellationToken);
        return new WrittenResult(riskAssessment, provenance, reasons, task);
    }

    /// <summary>The deciding model's probabilities in class order; RiskAssessmentFactory has checked there is one per diagnosis.</summary>
    private static double[] InClassOrder(ClassificationCompleted result) =>
        [.. Diagnoses.All.Select(d => result.Probabilities.Single(p => p.Diagnosis == d.Code()).Probability)];
}
