using System.Globalization;
using Hl7.Fhir.Model;
using Triage.Domain.Diagnoses;
using Triage.Domain.Review;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Fhir.Review;

/// <summary>Who decided a review: a reviewer's sign-in name and display name.</summary>
public sealed record Reviewer(string UserName, string DisplayName)
{
    /// <summary>A logical reference: reviewers are not Practitioner resources of this server.</summary>
    public ResourceReference Reference() => new()
    {
        Identifier = new Identifier(ReviewTerminology.ReviewerIdentifierSystem, UserName),
        Display = DisplayName,
    };
}

/// <summary>
/// The FHIR record of a dermatologist's decision: a final Observation of the diagnosis (readable by the EHR), and the
/// review Task completed with that diagnosis as its output.
/// </summary>
public static class ReviewOutcomeFactory
{
    /// <param name="photo">The Media reviewed; also keeps the Observation out of the features of the patient's later photos.</param>
    public static Observation DiagnosisObservation(
        ReviewedDiagnosis diagnosis,
        Diagnosis? biopsy,
        string? note,
        ResourceReference patient,
        ResourceReference photo,
        Reviewer reviewer,
        DateTimeOffset at)
    {
        var observation = new Observation
        {
            Meta = new Meta { Profile = [TriageCanonicals.LesionDiagnosisProfile] },
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(TriageTerminology.ObservationCategorySystem, TriageTerminology.Exam, "Exam", null)],
            Code = new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.DermatologistDiagnosis, "Dermatologist's diagnosis of a skin lesion", null),
            Subject = patient,
            DerivedFrom = [photo],
            Effective = new FhirDateTime(at),
            Issued = at,
            Performer = [reviewer.Reference()],
            Value = Concept(diagnosis),
        };
        if (biopsy is { } histology)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.BiopsyDiagnosis, "Histopathology of a biopsy of the lesion", null),
                Value = Concept(ReviewedDiagnosis.Of(histology)),
            });
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            observation.Note.Add(new Annotation { Text = new Markdown(note.Trim()), Author = reviewer.Reference(), Time = at.ToString("o", CultureInfo.InvariantCulture) });
        }

        return observation;
    }

    /// <summary>A biopsy result that arrived after the review: a final Observation of the histopathology diagnosis.</summary>
    public static Observation BiopsyObservation(Diagnosis biopsy, string? note, ResourceReference patient, ResourceReference photo, Reviewer reviewer, DateTimeOffset at)
    {
        var observation = DiagnosisObservation(ReviewedDiagnosis.Of(biopsy), null, note, patient, photo, reviewer, at);
        observation.Code = new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.BiopsyDiagnosis, "Histopathology of a biopsy of the lesion", null);
        return observation;
    }

    /// <summary>Completes <paramref name="task"/> (changed in place): status completed, owner the reviewer, output the diagnosis and its Observation.</summary>
    /// <exception cref="InvalidOperationException">The Task is already completed, cancelled or failed.</exception>
    public static FhirTask Complete(FhirTask task, ReviewedDiagnosis diagnosis, ResourceReference observation, Reviewer reviewer, DateTimeOffset at)
    {
        if (task.Status is FhirTask.TaskStatus.Completed or FhirTask.TaskStatus.Cancelled or FhirTask.TaskStatus.Failed or FhirTask.TaskStatus.EnteredInError)
        {
            throw new InvalidOperationException($"Task/{task.Id} is already {task.Status}.");
        }

        var when = at.ToString("o", CultureInfo.InvariantCulture);
        task.Status = FhirTask.TaskStatus.Completed;
        task.Owner = reviewer.Reference();
        task.LastModified = when;
        task.ExecutionPeriod = new Period { Start = task.ExecutionPeriod?.Start ?? when, End = when };
        task.Output =
        [
            new FhirTask.OutputComponent
            {
                Type = new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.OutputDiagnosis, "Diagnosis", null),
                Value = Concept(diagnosis),
            },
            new FhirTask.OutputComponent
            {
                Type = new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.OutputObservation, "Observation of the diagnosis", null),
                Value = observation,
            },
        ];
        return task;
    }

    /// <summary>A PAD-UFES-20 diagnosis, or the project's not-assessable code.</summary>
    public static CodeableConcept Concept(ReviewedDiagnosis diagnosis) =>
        diagnosis.IsNotAssessable
            ? new CodeableConcept(ReviewTerminology.ReviewOutcomeSystem, ReviewTerminology.NotAssessable, diagnosis.Display, diagnosis.Display)
            : new CodeableConcept(TriageTerminology.PadUfes20System, diagnosis.Code, diagnosis.Display, diagnosis.Display);
}
