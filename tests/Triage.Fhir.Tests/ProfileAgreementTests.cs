using System.Globalization;
using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Cases;
using Triage.Fhir.Errors;
using Triage.Fhir.Observations;
using Triage.Fhir.Photos;
using Triage.Fhir.Validation;
using Triage.Testing;

namespace Triage.Fhir.Tests;

/// <summary>
/// The profiles say what intake demands, no more and no less: every example resource intake's readers accept is valid
/// against the profile, and every one they refuse (for a reason a profile can state) is not.
/// </summary>
public class ProfileAgreementTests
{
    public static TheoryData<string> Observations() => Examples("observation-");

    public static TheoryData<string> Photos() => Examples("media-");

    [Theory]
    [MemberData(nameof(Observations))]
    public void An_example_Observation_is_valid_against_the_clinical_feature_profile_exactly_when_intake_reads_it(string file)
    {
        var observation = FhirFiles.Parse<Observation>(file);
        var readable = Accepts(() => ClinicalObservationMapper.Map(observation));

        var errors = Errors(observation);

        ShouldAgree(readable, errors);
    }

    [Theory]
    [MemberData(nameof(Photos))]
    public void An_example_Media_is_valid_against_the_lesion_photo_profile_exactly_when_intake_reads_it(string file)
    {
        var media = FhirFiles.Parse<Media>(file);
        // A photo by url alone is intake's PhotoByReference's to judge (a Binary of this server, or an address on the
        // configured allow-list): a profile cannot know either, so it takes any url.
        var readable = media.Content is { Url: not null, Data: null } ? LesionPhotoReader.IsPatientReference(media.Subject)
            : Accepts(() => LesionPhotoReader.Read(media));

        var errors = Errors(media);

        ShouldAgree(readable, errors);
    }

    [Fact]
    public void Every_resource_of_the_projects_own_case_bundles_is_valid_against_its_profile()
    {
        var checkedCases = 0;
        foreach (var features in SampledCases())
        {
            var bundle = PadUfesCaseBundle.Create("p", "img.png", [1, 2, 3], "image/png", features);
            foreach (var entry in bundle.Entry)
            {
                ProfileValidator.Shared.ValidateForIntake(entry.Resource, entry.Resource.TypeName)
                    .Should().NotContain(i => i.Severity == OperationOutcome.IssueSeverity.Error, Describe(entry.Resource));
            }

            checkedCases++;
        }

        checkedCases.Should().BeGreaterThan(50);
    }

    [Fact]
    public void A_broken_lesion_photo_is_refused_with_the_element_named()
    {
        var media = FhirFiles.Parse<Media>("media-png.json");
        media.Subject = null;
        media.Content.ContentType = "image/gif";

        var issues = ProfileValidator.Shared.Validate(media, null, "Bundle.entry[1].resource");

        issues.Where(i => i.Severity == OperationOutcome.IssueSeverity.Error).SelectMany(i => i.Expression)
            .Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(e => e.StartsWith("Bundle.entry[1].resource"));
        issues.Should().Contain(i => i.Diagnostics.Contains("lesion-photo-1"));
        issues.Should().Contain(i => i.Diagnostics.Contains("subject"));
    }

    private static void ShouldAgree(bool readable, List<string> errors)
    {
        if (readable)
        {
            errors.Should().BeEmpty("intake reads it");
        }
        else
        {
            errors.Should().NotBeEmpty("intake refuses it");
        }
    }

    private static List<string> Errors(Resource resource) =>
        [.. ProfileValidator.Shared.ValidateForIntake(resource, resource.TypeName)
            .Where(i => i.Severity == OperationOutcome.IssueSeverity.Error)
            .Select(i => $"{i.Expression.FirstOrDefault()}: {i.Diagnostics}")];

    private static bool Accepts(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (FhirRequestException)
        {
            return false;
        }
    }

    /// <summary>The example files of a type that are FHIR at all (the others are refused by the parser before any profile).</summary>
    private static TheoryData<string> Examples(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "fhir"), $"{prefix}*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (Accepts(() => FhirFiles.Parse<Resource>(name)))
            {
                data.Add(name);
            }
        }

        return data;
    }

    private static string Describe(Resource resource) =>
        resource is Observation o ? $"{o.Code.Coding[0].Code} = {o.Value?.ToString() ?? "absent"}" : resource.TypeName;

    /// <summary>Every 10th case of PAD-UFES-20's metadata.csv: every feature, in each value type and most values it takes.</summary>
    private static IEnumerable<ClinicalFeatureSet> SampledCases()
    {
        var lines = File.ReadLines(Path.Combine(TestPaths.PadUfes20, "metadata.csv")).ToList();
        var columns = lines[0].Split(',');
        foreach (var line in lines.Skip(1).Where((_, i) => i % 10 == 0))
        {
            var cells = line.Split(',');
            yield return ClinicalFeatureCatalogue.All.Aggregate(ClinicalFeatureSet.Empty,
                (set, f) => set.With(f.Key, Parse(f, cells[Array.IndexOf(columns, f.Key)])));
        }
    }

    private static FeatureValue Parse(ClinicalFeature feature, string cell) => (feature.Kind, cell) switch
    {
        (_, "" or "UNK") => FeatureValue.Unknown,
        (FeatureKind.Boolean, _) => FeatureValue.Of(bool.Parse(cell)),
        (FeatureKind.Category, _) => FeatureValue.OfCategory(cell),
        _ => FeatureValue.Of(double.Parse(cell, CultureInfo.InvariantCulture)),
    };
}
