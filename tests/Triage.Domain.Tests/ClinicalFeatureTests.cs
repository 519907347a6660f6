using Triage.Domain.ClinicalFeatures;
using static Triage.Domain.ClinicalFeatures.ClinicalFeatureCatalogue;

namespace Triage.Domain.Tests;

public class ClinicalFeatureTests
{
    [Fact]
    public void The_catalogue_has_every_feature_column_of_metadata_csv()
    {
        var header = File.ReadLines(Path.Combine(Triage.Testing.TestPaths.PadUfes20, "metadata.csv")).First().Split(',');
        var notFeatures = new[] { "patient_id", "lesion_id", "diagnostic", "img_id", "biopsed" };
        All.Select(f => f.Key).Should().BeEquivalentTo(header.Except(notFeatures));
    }

    public static TheoryData<string, FeatureValue, bool> Values() => new()
    {
        { Age, FeatureValue.Of(0), true },
        { Age, FeatureValue.Of(130), true },
        { Age, FeatureValue.Of(-1), false },
        { Age, FeatureValue.Of(131), false },
        { Age, FeatureValue.Of(40.5), false },
        { Age, FeatureValue.Of(double.NaN), false },
        { Age, FeatureValue.Of(true), false },
        { Age, FeatureValue.Unknown, true },
        { Diameter1, FeatureValue.Of(0), true },
        { Diameter1, FeatureValue.Of(12.5), true },
        { Diameter1, FeatureValue.Of(-0.1), false },
        { Fitzpatrick, FeatureValue.Of(6), true },
        { Fitzpatrick, FeatureValue.Of(7), false },
        { Fitzpatrick, FeatureValue.Of(0), false },
        { Smoke, FeatureValue.Of(false), true },
        { Smoke, FeatureValue.Of(1), false },
        { Region, FeatureValue.OfCategory("FACE"), true },
        { Region, FeatureValue.OfCategory("face"), false },
        { Region, FeatureValue.OfCategory("KNEE"), false },
        { Region, FeatureValue.Of(true), false },
        { Gender, FeatureValue.OfCategory("FEMALE"), true },
        { BackgroundFather, FeatureValue.OfCategory("OTHER"), true },
        { BackgroundMother, FeatureValue.OfCategory("BRASIL"), false },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_are_checked_against_kind_range_and_categories(string key, FeatureValue value, bool valid)
    {
        var with = () => ClinicalFeatureSet.Empty.With(key, value);
        if (valid)
        {
            with().Should().NotBeNull();
        }
        else
        {
            with.Should().Throw<InvalidFeatureValueException>().Which.Key.Should().Be(key);
        }
    }

    [Fact]
    public void An_unknown_key_is_refused()
    {
        var with = () => ClinicalFeatureSet.Empty.With("shoe_size", FeatureValue.Of(42));
        with.Should().Throw<InvalidFeatureValueException>().WithMessage("*not a clinical feature*");
    }

    [Fact]
    public void Setting_unknown_removes_a_known_value()
    {
        var set = ClinicalFeatureSet.Empty.With(Age, FeatureValue.Of(50)).With(Age, FeatureValue.Unknown);
        set[Age].IsUnknown.Should().BeTrue();
        set.Known.Should().BeEmpty();
    }

    [Fact]
    public void A_set_is_complete_only_when_every_feature_is_known()
    {
        var set = ClinicalFeatureSet.Empty;
        foreach (var feature in All)
        {
            set.IsComplete.Should().BeFalse();
            set = set.With(feature.Key, feature.Kind switch
            {
                FeatureKind.Boolean => FeatureValue.Of(true),
                FeatureKind.Category => FeatureValue.OfCategory(feature.AllowedCategories[0]),
                _ => FeatureValue.Of(feature.Minimum!.Value),
            });
        }

        set.IsComplete.Should().BeTrue();
    }
}
