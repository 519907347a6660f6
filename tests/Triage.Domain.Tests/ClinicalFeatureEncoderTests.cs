using Triage.Domain.ClinicalFeatures;
using static Triage.Domain.ClinicalFeatures.ClinicalFeatureCatalogue;

namespace Triage.Domain.Tests;

public class ClinicalFeatureEncoderTests
{
    private static float Slot(float[] vector, string name) =>
        vector[ClinicalFeatureEncoder.SlotNames.ToList().IndexOf(name)];

    [Fact]
    public void Width_counts_two_slots_per_scalar_and_categories_plus_one()
    {
        var expected = All.Sum(f => f.Kind == FeatureKind.Category ? f.AllowedCategories.Count + 1 : 2);
        ClinicalFeatureEncoder.Width.Should().Be(expected);
        ClinicalFeatureEncoder.SlotNames.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Nothing_known_sets_every_missing_indicator_and_nothing_else()
    {
        var vector = ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty);
        for (var i = 0; i < vector.Length; i++)
        {
            var name = ClinicalFeatureEncoder.SlotNames[i];
            vector[i].Should().Be(name.EndsWith(":missing", StringComparison.Ordinal) ? 1f : 0f, name);
        }
    }

    [Fact]
    public void Known_values_are_scaled_one_hot_and_not_missing()
    {
        var set = ClinicalFeatureSet.Empty
            .With(Age, FeatureValue.Of(55))
            .With(Diameter1, FeatureValue.Of(6))
            .With(Smoke, FeatureValue.Of(true))
            .With(Bleed, FeatureValue.Of(false))
            .With(Region, FeatureValue.OfCategory("NECK"));

        var vector = ClinicalFeatureEncoder.Encode(set);

        Slot(vector, "age").Should().BeApproximately(0.55f, 1e-6f);
        Slot(vector, "age:missing").Should().Be(0);
        Slot(vector, "diameter_1").Should().BeApproximately(0.6f, 1e-6f);
        Slot(vector, "smoke").Should().Be(1);
        Slot(vector, "smoke:missing").Should().Be(0);
        Slot(vector, "bleed").Should().Be(0);
        Slot(vector, "bleed:missing").Should().Be(0);
        Slot(vector, "region=NECK").Should().Be(1);
        Slot(vector, "region=FACE").Should().Be(0);
        Slot(vector, "region:missing").Should().Be(0);
        Slot(vector, "gender:missing").Should().Be(1);
    }
}
