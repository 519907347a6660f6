using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Tests;

public class ClinicalObservationRoundTripTests
{
    private static readonly ResourceReference Subject = new("Patient/example");

    /// <summary>Every feature of the catalogue with values of its kind at both ends of its range, and unknown.</summary>
    public static TheoryData<string, string> EveryFeatureValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var feature in ClinicalFeatureCatalogue.All)
        {
            IEnumerable<string> values = feature.Kind switch
            {
                FeatureKind.Boolean => ["true", "false"],
                FeatureKind.Category => feature.AllowedCategories,
                FeatureKind.Integer => [$"{feature.Minimum}", $"{feature.Maximum}"],
                _ => [$"{feature.Minimum}", "6.5", $"{feature.Maximum}"],
            };
            foreach (var value in values.Append("unknown"))
            {
                data.Add(feature.Key, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFeatureValue))]
    public void A_feature_written_as_an_Observation_reads_back_the_same(string key, string text)
    {
        var value = Value(ClinicalFeatureCatalogue.Get(key), text);

        var observation = ClinicalObservationFactory.Create(key, value, Subject, new ResourceReference("Media/photo"));
        var json = FhirJson.Serialize(observation);
        var read = ClinicalObservationMapper.Map(FhirJson.Parse<Observation>(json));

        read.Should().Be(new ObservedFeature(key, value));
        observation.Status.Should().Be(ObservationStatus.Final);
        observation.Category.Single().Coding.Single().Code.Should().Be(FeatureCodes.Get(key).Category);
        observation.Focus.Single().Reference.Should().Be("Media/photo");
    }

    [Fact]
    public void The_round_trip_covers_every_feature_of_the_catalogue()
    {
        var keys = EveryFeatureValue().Select(row => (string)row[0]).Distinct();

        keys.Should().BeEquivalentTo(ClinicalFeatureCatalogue.All.Select(f => f.Key));
    }

    [Fact]
    public void Writes_age_with_the_LOINC_code_beside_the_project_code_in_years()
    {
        var observation = ClinicalObservationFactory.Create("age", FeatureValue.Of(55), Subject);

        observation.Code.Coding.Select(c => (c.System, c.Code)).Should().Equal(
            (TriageTerminology.ClinicalFeatureSystem, "age"), ("http://loinc.org", "30525-0"));
        observation.Value.Should().BeOfType<Quantity>().Which.Code.Should().Be("a");
    }

    [Fact]
    public void Refuses_to_write_a_value_the_catalogue_does_not_allow()
    {
        var act = () => ClinicalObservationFactory.Create("age", FeatureValue.Of(-1), Subject);

        act.Should().Throw<InvalidFeatureValueException>().Which.Key.Should().Be("age");
    }

    private static FeatureValue Value(ClinicalFeature feature, string text) => (feature.Kind, text) switch
    {
        (_, "unknown") => FeatureValue.Unknown,
        (FeatureKind.Boolean, _) => FeatureValue.Of(bool.Parse(text)),
        (FeatureKind.Category, _) => FeatureValue.OfCategory(text),
        _ => FeatureValue.Of(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
    };
}
