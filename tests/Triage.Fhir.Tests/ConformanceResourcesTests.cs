using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Tests;

/// <summary>The embedded StructureDefinitions, CodeSystems and ValueSets: they parse, their snapshots generate, and they say what the code does.</summary>
public class ConformanceResourcesTests
{
    [Fact]
    public void Every_embedded_file_is_a_strictly_valid_conformance_resource_named_by_its_type_and_id()
    {
        ConformanceResources.FileNames.Should().HaveCountGreaterThanOrEqualTo(10);
        foreach (var name in ConformanceResources.FileNames)
        {
            var resource = ConformanceResources.Load(name);
            name.Should().Be($"Conformance/{resource.TypeName}-{resource.Id}.json");
            var canonical = resource.Should().BeAssignableTo<IVersionableConformanceResource>().Subject;
            canonical.Url.Should().Be($"{TriageCanonicals.Base}/{resource.TypeName}/{resource.Id}");
            canonical.Status.Should().Be(PublicationStatus.Active);
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task Every_profile_snapshot_generates_without_errors_from_the_core_specification()
    {
        var own = ConformanceResources.Load();
        var generator = new SnapshotGenerator(new MultiResolver(new InMemoryResourceResolver(own), ZipSource.CreateValidationSource()));

        foreach (var profile in own.OfType<StructureDefinition>())
        {
            profile.Snapshot.Should().BeNull("the files hold differentials; snapshots are generated");
            await generator.UpdateAsync(profile);
            generator.Outcome?.Issue.Should().NotContain(i => i.Severity == OperationOutcome.IssueSeverity.Error || i.Severity == OperationOutcome.IssueSeverity.Fatal, profile.Url);
            if (AboutWhom(profile.Type) is { } element)
            {
                profile.Snapshot.Element.Should().Contain(e => e.Path == $"{profile.Type}.{element}" && e.Min == 1, profile.Url);
            }
        }

        ConformanceSource.Shared.Own.OfType<StructureDefinition>().Should().OnlyContain(p => p.Snapshot != null && p.Snapshot.Element.Count > 10);
    }

    [Fact]
    public void The_clinical_feature_CodeSystem_is_the_catalogue_at_the_URL_the_code_writes()
    {
        var codeSystem = Own<CodeSystem>(TriageTerminology.ClinicalFeatureSystem);

        codeSystem.Concept.Select(c => (c.Code!, c.Display!)).Should().Equal(ClinicalFeatureCatalogue.All.Select(f => (f.Key, f.Display)));
        codeSystem.Content.Should().Be(CodeSystemContentMode.Complete);
    }

    [Fact]
    public void The_PAD_UFES_20_CodeSystem_holds_every_category_value_and_diagnosis()
    {
        var codes = Own<CodeSystem>(TriageTerminology.PadUfes20System).Concept.Select(c => c.Code).ToList();

        codes.Should().BeEquivalentTo(ClinicalFeatureCatalogue.Regions.Concat(ClinicalFeatureCatalogue.Backgrounds)
            .Concat(ClinicalFeatureCatalogue.Genders).Concat(Enum.GetValues<Diagnosis>().Select(d => d.Code())));
    }

    [Theory]
    [InlineData("body-region", ClinicalFeatureCatalogue.Region)]
    [InlineData("family-origin", ClinicalFeatureCatalogue.BackgroundFather)]
    [InlineData("gender", ClinicalFeatureCatalogue.Gender)]
    public void A_category_ValueSet_lists_exactly_the_values_the_feature_allows(string id, string feature)
    {
        var include = Own<ValueSet>($"{TriageCanonicals.Base}/ValueSet/{id}").Compose.Include.Single();

        include.System.Should().Be(TriageTerminology.PadUfes20System);
        include.Concept.Select(c => c.Code).Should().Equal(ClinicalFeatureCatalogue.Get(feature).AllowedCategories);
    }

    /// <summary>The element that names the patient a resource is about, or null for a type that is about no patient.</summary>
    private static string? AboutWhom(string type) => type switch
    {
        "Task" => "for",
        "Device" or "Provenance" => null,
        _ => "subject",
    };

    private static T Own<T>(string url) where T : Resource =>
        ConformanceSource.Shared.Own.OfType<T>().Should().ContainSingle(r => ((IVersionableConformanceResource)r).Url == url).Subject;
}
