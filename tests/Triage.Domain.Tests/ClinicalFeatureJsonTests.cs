using Triage.Domain.ClinicalFeatures;

namespace Triage.Domain.Tests;

public class ClinicalFeatureJsonTests
{
    [Fact]
    public void Features_read_back_as_they_were_written()
    {
        var features = ClinicalFeatureSet.Empty
            .With(ClinicalFeatureCatalogue.Age, FeatureValue.Of(54))
            .With(ClinicalFeatureCatalogue.Itch, FeatureValue.Of(false))
            .With(ClinicalFeatureCatalogue.Gender, FeatureValue.OfCategory("FEMALE"));

        var json = ClinicalFeatureJson.ToJson(features);

        json.Should().Be("{\"age\":54,\"gender\":\"FEMALE\",\"itch\":false}");
        ClinicalFeatureJson.FromJson(json).Known.Should().BeEquivalentTo(features.Known);
    }

    [Theory]
    [InlineData("[1, 2]", typeof(FormatException))]
    [InlineData("{\"age\": [60]}", typeof(FormatException))]
    [InlineData("not json", typeof(FormatException))]
    [InlineData("{\"shoe_size\": 42}", typeof(InvalidFeatureValueException))]
    [InlineData("{\"gender\": \"PURPLE\"}", typeof(InvalidFeatureValueException))]
    public void Refuses_what_is_not_a_feature_set(string json, Type refusal)
    {
        var read = () => ClinicalFeatureJson.FromJson(json);

        read.Should().Throw<Exception>().Which.Should().BeOfType(refusal);
    }
}
