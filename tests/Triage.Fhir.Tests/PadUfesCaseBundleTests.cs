using System.Globalization;
using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Cases;
using Triage.Fhir.Observations;
using Triage.Fhir.Photos;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;
using Triage.Testing;

namespace Triage.Fhir.Tests;

public class PadUfesCaseBundleTests
{
    [Fact]
    public void A_real_case_becomes_a_transaction_that_serialises_and_reads_back()
    {
        var (patientId, imageId, features) = FirstCompleteCaseWithImage();
        var image = File.ReadAllBytes(TestPaths.PadUfes20Image(imageId));

        var bundle = FhirJson.Parse<Bundle>(FhirJson.Serialize(PadUfesCaseBundle.Create(patientId, imageId, image, "image/png", features)));

        bundle.Type.Should().Be(Bundle.BundleType.Transaction);
        bundle.Entry.Should().HaveCount(2 + ClinicalFeatureCatalogue.All.Count);
        bundle.Entry.Should().OnlyContain(e => e.FullUrl!.StartsWith("urn:uuid:") && e.Request!.Method == Bundle.HTTPVerb.POST
            && e.Request.Url == e.Resource!.TypeName);
        bundle.Entry.Select(e => e.FullUrl).Should().OnlyHaveUniqueItems();

        var patient = bundle.Entry[0].Resource.Should().BeOfType<Patient>().Subject;
        var media = bundle.Entry[1].Resource.Should().BeOfType<Media>().Subject;
        patient.Identifier.Single().Should().Match<Identifier>(i => i.System == TriageTerminology.PadUfes20PatientIdentifierSystem && i.Value == patientId);
        media.Identifier.Single().Should().Match<Identifier>(i => i.System == TriageTerminology.PadUfes20ImageIdentifierSystem && i.Value == imageId);
        media.Subject!.Reference.Should().Be(bundle.Entry[0].FullUrl);
        media.BodySite!.Coding.Single().Code.Should().Be(features[ClinicalFeatureCatalogue.Region].Category);
        PatientGender.ToFeature(patient).Should().Be(features[ClinicalFeatureCatalogue.Gender]);
        LesionPhotoReader.Read(media).Data.Should().Equal(image);

        var observations = bundle.Entry.Skip(2).Select(e => e.Resource.Should().BeOfType<Observation>().Subject).ToList();
        observations.Should().OnlyContain(o => o.Subject!.Reference == bundle.Entry[0].FullUrl
            && o.Focus.Single().Reference == bundle.Entry[1].FullUrl);
        var read = ClinicalObservationMapper.ToFeatureSet(observations.Select((o, i) => (o, $"Bundle.entry[{i + 2}].resource")));
        read.Known.Should().BeEquivalentTo(features.Known);
    }

    [Fact]
    public void Only_known_features_become_observations()
    {
        var features = ClinicalFeatureSet.Empty.With(ClinicalFeatureCatalogue.Age, FeatureValue.Of(8));

        var bundle = PadUfesCaseBundle.Create("PAT_1", "PAT_1_1_1.png", [1, 2, 3], "image/png", features);

        bundle.Entry.Should().HaveCount(3);
        bundle.Entry[1].Resource.Should().BeOfType<Media>().Which.BodySite.Should().BeNull();
        bundle.Entry[0].Resource.Should().BeOfType<Patient>().Which.Gender.Should().BeNull();
    }

    /// <summary>Reads metadata.csv just enough for this test (another project owns the real reader).</summary>
    private static (string PatientId, string ImageId, ClinicalFeatureSet Features) FirstCompleteCaseWithImage()
    {
        var lines = File.ReadLines(Path.Combine(TestPaths.PadUfes20, "metadata.csv")).ToList();
        var columns = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            string Cell(string column) => cells[Array.IndexOf(columns, column)];
            var features = ClinicalFeatureCatalogue.All.Aggregate(ClinicalFeatureSet.Empty, (set, f) => set.With(f.Key, Parse(f, Cell(f.Key))));
            if (features.IsComplete && File.Exists(TestPaths.PadUfes20Image(Cell("img_id"))))
            {
                return (Cell("patient_id"), Cell("img_id"), features);
            }
        }

        throw new InvalidOperationException("No complete PAD-UFES-20 case with an image.");
    }

    private static FeatureValue Parse(ClinicalFeature feature, string cell) => (feature.Kind, cell) switch
    {
        (_, "" or "UNK") => FeatureValue.Unknown,
        (FeatureKind.Boolean, _) => FeatureValue.Of(bool.Parse(cell)),
        (FeatureKind.Category, _) => FeatureValue.OfCategory(cell),
        _ => FeatureValue.Of(double.Parse(cell, CultureInfo.InvariantCulture)),
    };
}
