using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using Triage.Fhir.Terminology;
using static Triage.Fhir.Tests.FhirFiles;

namespace Triage.Fhir.Tests;

public class QuantityObservationTests
{
    private static Observation Observed(string key, DataType value) => new()
    {
        Status = ObservationStatus.Preliminary,
        Code = new CodeableConcept(TriageTerminology.ClinicalFeatureSystem, key),
        Value = value,
    };

    private static Quantity Ucum(decimal? value, string? code) =>
        new() { Value = value, System = TriageTerminology.Ucum, Code = code };

    public static TheoryData<string, string, double> Readable => new()
    {
        { "age", "integer 70", 70 },
        { "age", "a 70", 70 },
        { "fitspatrick", "unitless 2", 2 },
        { "fitspatrick", "1 2", 2 },
        { "diameter_2", "mm 4.5", 4.5 },
        { "diameter_2", "cm 0.45", 4.5 },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Reads_numbers_in_the_feature_s_unit(string key, string value, double expected)
    {
        var read = ClinicalObservationMapper.Map(Observed(key, Value(value)));

        read.Should().Be(new ObservedFeature(key, FeatureValue.Of(expected)));
    }

    public static TheoryData<string, string, string> Unreadable => new()
    {
        { "age", "a none", "Observation.value.value" },
        { "age", "unitless 70", "Observation.value.code" },
        { "age", "other-system 70", "Observation.value.system" },
        { "age", "comparator 70", "Observation.value.comparator" },
        { "fitspatrick", "mm 2", "Observation.value.code" },
        { "diameter_1", "integer 4", "Observation.value" },
        { "diameter_1", "cm 25", "Observation.value" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Refuses_numbers_it_cannot_read(string key, string value, string expression)
    {
        var refusal = Refusal(() => ClinicalObservationMapper.Map(Observed(key, Value(value))));

        refusal.StatusCode.Should().Be(422);
        refusal.Expressions().Should().Equal(expression);
    }

    private static DataType Value(string text)
    {
        var (kind, number) = (text.Split(' ')[0], text.Split(' ')[1]);
        decimal? value = number == "none" ? null : decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        return kind switch
        {
            "integer" => new Integer((int)value!.Value),
            "unitless" => new Quantity { Value = value },
            "other-system" => new Quantity { Value = value, System = "http://example.org/units", Code = "a" },
            "comparator" => new Quantity { Value = value, System = TriageTerminology.Ucum, Code = "a", Comparator = Quantity.QuantityComparator.LessThan },
            _ => Ucum(value, kind),
        };
    }
}
