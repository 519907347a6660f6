using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using Triage.Testing;

namespace Triage.Intake.Tests;

/// <summary>FHIR resources as an EHR would post them one by one.</summary>
internal static class Resources
{
    public static Patient Patient() => new() { Gender = AdministrativeGender.Female };

    public static Observation Age(string patientId, int years, string? mediaId = null) =>
        ClinicalObservationFactory.Create(
            ClinicalFeatureCatalogue.Age,
            FeatureValue.Of(years),
            new ResourceReference($"Patient/{patientId}"),
            mediaId is null ? null : new ResourceReference($"Media/{mediaId}"));

    public static byte[] RealPhoto { get; } = TestImages.RealImage(TestImages.RealImagePaths()[0].Split('/')[^1]);

    public static Media Photo(string patientId) => new()
    {
        Status = EventStatus.Completed,
        Subject = new ResourceReference($"Patient/{patientId}"),
        Content = new Attachment { ContentType = "image/png", Data = RealPhoto },
    };

    /// <summary>A lesion photo as a Binary resource, to be named by a Media's content.url.</summary>
    public static Binary PhotoBinary() => new() { ContentType = "image/png", Data = RealPhoto };

    /// <summary>A lesion photo that names its bytes by <paramref name="url"/> instead of carrying them.</summary>
    public static Media PhotoAt(string patientId, string url) => new()
    {
        Status = EventStatus.Completed,
        Subject = new ResourceReference($"Patient/{patientId}"),
        Content = new Attachment { ContentType = "image/png", Url = url },
    };
}
