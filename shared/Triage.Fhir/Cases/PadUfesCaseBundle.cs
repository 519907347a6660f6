using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Cases;

/// <summary>
/// One PAD-UFES-20 case as the transaction Bundle an EHR would post: the Patient, the photo as Media, and one
/// Observation per known feature (subject: the Patient; focus: the Media); the Media names its lesion when
/// <c>lesionId</c> is given (<see cref="LesionOfPhoto"/>). For end-to-end tests and load tools.
/// </summary>
public static class PadUfesCaseBundle
{
    public static Bundle Create(string patientId, string imageId, byte[] image, string contentType, ClinicalFeatureSet features, string? lesionId = null)
    {
        var patientUrl = NewUrn();
        var mediaUrl = NewUrn();
        var patient = new Patient
        {
            Identifier = [new Identifier(TriageTerminology.PadUfes20PatientIdentifierSystem, patientId)],
            Gender = PatientGender.ToAdministrativeGender(features[ClinicalFeatureCatalogue.Gender]),
        };
        var media = new Media
        {
            Identifier = [new Identifier(TriageTerminology.PadUfes20ImageIdentifierSystem, imageId)],
            Status = EventStatus.Completed,
            Type = new CodeableConcept(TriageTerminology.MediaTypeSystem, TriageTerminology.MediaTypeImage),
            Subject = new ResourceReference(patientUrl),
            BodySite = features[ClinicalFeatureCatalogue.Region].Category is { } region
                ? new CodeableConcept(TriageTerminology.PadUfes20System, region)
                : null,
            Content = new Attachment { ContentType = contentType, Data = image, Title = imageId },
        };

        if (lesionId is not null)
        {
            LesionOfPhoto.Name(media, new Identifier(TriageTerminology.PadUfes20LesionIdentifierSystem, lesionId));
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        Add(bundle, patientUrl, patient, $"identifier={TriageTerminology.PadUfes20PatientIdentifierSystem}|{patientId}");
        Add(bundle, mediaUrl, media, $"identifier={TriageTerminology.PadUfes20ImageIdentifierSystem}|{imageId}");
        foreach (var code in FeatureCodes.All)
        {
            if (features.Known.TryGetValue(code.Key, out var value))
            {
                var observation = ClinicalObservationFactory.Create(
                    code.Key, value, new ResourceReference(patientUrl), new ResourceReference(mediaUrl));
                Add(bundle, NewUrn(), observation, ifNoneExist: null);
            }
        }

        return bundle;
    }

    private static void Add(Bundle bundle, string fullUrl, Resource resource, string? ifNoneExist) =>
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Request = new Bundle.RequestComponent
            {
                Method = Bundle.HTTPVerb.POST,
                Url = resource.TypeName,
                IfNoneExist = ifNoneExist,
            },
        });

    private static string NewUrn() => $"urn:uuid:{Guid.NewGuid()}";
}
