using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using static Triage.Fhir.Tests.FhirFiles;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Tests;

public class ClinicalObservationMapperTests
{
    public static TheoryData<string, string, object> Readable => new()
    {
        { "observation-age.json", "age", 55.0 },
        { "observation-diameter-cm.json", "diameter_1", 12.0 },
        { "observation-fitzpatrick.json", "fitspatrick", 3.0 },
        { "observation-region.json", "region", "FACE" },
        { "observation-itch.json", "itch", true },
        { "observation-smoke-absent.json", "smoke", "unknown" },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_the_feature_and_its_value(string file, string key, object expected)
    {
        var observed = ClinicalObservationMapper.Map(Parse<Observation>(file));

        observed.Key.Should().Be(key);
        observed.Value.Should().Be(expected switch
        {
            double number => FeatureValue.Of(number),
            bool flag => FeatureValue.Of(flag),
            "unknown" => FeatureValue.Unknown,
            string category => FeatureValue.OfCategory(category),
            _ => throw new ArgumentException("unexpected", nameof(expected)),
        });
    }

    public static TheoryData<string, IssueType, string> Unprocessable => new()
    {
        { "observation-age-negative.json", IssueType.Value, "Observation.value" },
        { "observation-age-too-old.json", IssueType.Value, "Observation.value" },
        { "observation-age-fraction.json", IssueType.Value, "Observation.value" },
        { "observation-age-in-months.json", IssueType.Value, "Observation.value.code" },
        { "observation-wrong-value-type.json", IssueType.Value, "Observation.value" },
        { "observation-itch-as-string.json", IssueType.Value, "Observation.value" },
        { "observation-diameter-negative.json", IssueType.Value, "Observation.value" },
        { "observation-diameter-wrong-unit.json", IssueType.Value, "Observation.value.code" },
        { "observation-fitzpatrick-seven.json", IssueType.Value, "Observation.value" },
        { "observation-region-not-allowed.json", IssueType.Value, "Observation.value" },
        { "observation-region-other-system.json", IssueType.CodeInvalid, "Observation.value" },
        { "observation-unknown-code.json", IssueType.CodeInvalid, "Observation.code" },
        { "observation-status-registered.json", IssueType.Value, "Observation.status" },
        { "observation-value-and-absent.json", IssueType.Invariant, "Observation.dataAbsentReason" },
        { "observation-no-value.json", IssueType.Required, "Observation.value" },
    };

    [Theory]
    [MemberData(nameof(Unprocessable))]
    public void Refuses_what_it_cannot_read_with_422(string file, IssueType code, string expression)
    {
        var observation = Parse<Observation>(file);

        var refusal = Refusal(() => ClinicalObservationMapper.Map(observation));

        refusal.StatusCode.Should().Be(422);
        refusal.Issues.Should().ContainSingle()
            .Which.Should().Match<OperationOutcome.IssueComponent>(i => i.Code == code && i.Expression.Single() == expression);
    }

    [Fact]
    public void Says_what_is_wrong_with_a_value_in_the_catalogue_s_words()
    {
        var refusal = Refusal(() => ClinicalObservationMapper.Map(Parse<Observation>("observation-age-too-old.json")));

        refusal.Issues.Single().Diagnostics.Should().Be(ClinicalFeatureCatalogue.Get("age").Check(FeatureValue.Of(131)));
    }

    [Fact]
    public void Uses_the_path_it_is_given_for_observations_inside_a_bundle()
    {
        var refusal = Refusal(() => ClinicalObservationMapper.Map(Parse<Observation>("observation-age-negative.json"), "Bundle.entry[3].resource"));

        refusal.Expressions().Should().Equal("Bundle.entry[3].resource.value");
    }

    [Fact]
    public void Collects_features_and_the_problems_of_every_observation()
    {
        var good = ClinicalObservationMapper.ToFeatureSet(
        [
            (Parse<Observation>("observation-age.json"), "Bundle.entry[2].resource"),
            (Parse<Observation>("observation-region.json"), "Bundle.entry[3].resource"),
        ]);
        good.Known.Should().BeEquivalentTo(new Dictionary<string, FeatureValue>
        {
            ["age"] = FeatureValue.Of(55),
            ["region"] = FeatureValue.OfCategory("FACE"),
        });

        var refusal = Refusal(() => ClinicalObservationMapper.ToFeatureSet(
        [
            (Parse<Observation>("observation-age.json"), "Bundle.entry[2].resource"),
            (Parse<Observation>("observation-age.json"), "Bundle.entry[3].resource"),
            (Parse<Observation>("observation-unknown-code.json"), "Bundle.entry[4].resource"),
        ]));
        refusal.StatusCode.Should().Be(422);
        refusal.Expressions().Should().Equal("Bundle.entry[3].resource.code", "Bundle.entry[4].resource.code");
        refusal.Issues[0].Code.Should().Be(IssueType.Duplicate);
    }

    [Fact]
    public void Refuses_codes_that_name_two_features()
    {
        var observation = Parse<Observation>("observation-age.json");
        observation.Code.Coding.Add(new Coding("https://skin-triage.org/fhir/CodeSystem/clinical-feature", "itch"));

        var refusal = Refusal(() => ClinicalObservationMapper.Map(observation));

        refusal.Issues.Single().Code.Should().Be(IssueType.CodeInvalid);
    }

    [Theory]
    [InlineData(AdministrativeGender.Male, "MALE")]
    [InlineData(AdministrativeGender.Female, "FEMALE")]
    [InlineData(AdministrativeGender.Other, null)]
    [InlineData(AdministrativeGender.Unknown, null)]
    [InlineData(null, null)]
    public void Reads_gender_from_the_patient(AdministrativeGender? gender, string? expected)
    {
        var value = PatientGender.ToFeature(new Patient { Gender = gender });

        value.Category.Should().Be(expected);
        value.IsUnknown.Should().Be(expected is null);
        if (expected is not null)
        {
            PatientGender.ToAdministrativeGender(value).Should().Be(gender);
        }
    }
}
