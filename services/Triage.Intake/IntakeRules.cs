using Hl7.Fhir.Model;
using Triage.Intake.Observations;

namespace Triage.Intake;

/// <summary>What every stored Patient, Media and Observation must satisfy, whether created or updated.</summary>
internal static class IntakeRules
{
    /// <exception cref="FhirRequestException">400 for a resource type intake does not take; 422 for content it cannot use.</exception>
    public static void Check(IncomingResource item)
    {
        switch (item.Resource)
        {
            case Patient:
                break;
            case Observation observation:
                RequirePatientSubject(observation.Subject, $"{item.Expression}.subject");
                ClinicalObservationMapper.Map(observation, item.Expression);
                break;
            case Media media:
                RequirePatientSubject(media.Subject, $"{item.Expression}.subject");
                break;
            case Binary:
                // A photo: checked by LesionPhotoCheck like one inside a Media.
                break;
            default:
                throw FhirErrors.BadRequest(
                    $"{item.Resource.TypeName} cannot be created here; intake accepts Patient, Media, Observation and (a photo) Binary.",
                    item.Expression,
                    OperationOutcome.IssueType.NotSupported);
        }
    }

    /// <summary>The patient a resource is about, for the store's compartment column.</summary>
    public static string? PatientIdOf(Resource resource) => resource switch
    {
        Patient patient => patient.Id,
        Observation observation => CaseFeatureCollector.PatientIdOf(observation.Subject),
        Media media => CaseFeatureCollector.PatientIdOf(media.Subject),
        _ => null,
    };

    private static void RequirePatientSubject(ResourceReference? subject, string expression)
    {
        if (CaseFeatureCollector.PatientIdOf(subject) is null)
        {
            throw FhirErrors.Unprocessable("The subject must reference a Patient (Patient/id).", expression, OperationOutcome.IssueType.Required);
        }
    }
}
