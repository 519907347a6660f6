using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Tests;

public class FeatureCodesTests
{
    [Fact]
    public void Every_feature_has_its_key_as_project_code_and_a_category()
    {
        FeatureCodes.All.Select(c => c.ProjectCoding.Code).Should().Equal(ClinicalFeatureCatalogue.All.Select(f => f.Key));
        FeatureCodes.All.Should().OnlyContain(c => c.Category == TriageTerminology.Exam || c.Category == TriageTerminology.SocialHistory);
    }

    [Theory]
    [InlineData("age", TriageTerminology.SocialHistory)]
    [InlineData("smoke", TriageTerminology.SocialHistory)]
    [InlineData("diameter_1", TriageTerminology.Exam)]
    [InlineData("bleed", TriageTerminology.Exam)]
    public void Lesion_findings_are_exam_and_the_rest_social_history(string key, string category) =>
        FeatureCodes.Get(key).Category.Should().Be(category);

    [Fact]
    public void Finds_a_feature_by_its_project_code_or_its_standard_code_and_nothing_else()
    {
        FeatureCodes.Find(new Coding(TriageTerminology.ClinicalFeatureSystem, "itch"))!.Key.Should().Be("itch");
        FeatureCodes.Find(new Coding("http://loinc.org", "30525-0"))!.Key.Should().Be("age");
        FeatureCodes.Find(new Coding("http://loinc.org", "itch")).Should().BeNull();
        FeatureCodes.Find(new Coding(TriageTerminology.ClinicalFeatureSystem, "30525-0")).Should().BeNull();
    }

    [Fact]
    public void The_code_table_in_the_docs_lists_every_feature()
    {
        var table = File.ReadAllText(Path.Combine(Testing.TestPaths.RepositoryRoot, "docs", "fhir-codes.md"));

        ClinicalFeatureCatalogue.All.Should().OnlyContain(f => table.Contains($"| `{f.Key}` |"));
    }
}
