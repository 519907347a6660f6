using Triage.Domain.ClinicalFeatures;
using Triage.Ml.PadUfes20;
using static Triage.Domain.ClinicalFeatures.ClinicalFeatureCatalogue;

namespace Triage.Ml.Tests.PadUfes20;

public class PadUfes20CellsTests
{
    [Theory]
    [InlineData(Smoke, "True", "True")]
    [InlineData(Smoke, "False", "False")]
    [InlineData(Smoke, "", "unknown")]
    [InlineData(Smoke, "UNK", "unknown")]
    [InlineData(Fitzpatrick, "3.0", "3")]
    [InlineData(Age, "55", "55")]
    [InlineData(Diameter1, "6.5", "6.5")]
    [InlineData(BackgroundFather, "POMERANIA", "POMERANIA")]
    [InlineData(BackgroundFather, "BRASIL", "BRAZIL")]
    [InlineData(BackgroundMother, "ARGENTINA", "OTHER")]
    [InlineData(BackgroundMother, "UNK", "unknown")]
    [InlineData(Region, "FACE", "FACE")]
    [InlineData(Region, "ELBOW", "unknown")]
    [InlineData(Gender, "FEMALE", "FEMALE")]
    public void Cells_become_feature_values(string key, string cell, string expected)
    {
        var features = PadUfes20Cells.ParseFeatures(name => name == key ? cell : "");

        features[key].ToString().Should().Be(expected);
        features.Known.Keys.Should().BeSubsetOf([key]);
    }

    [Fact]
    public void Out_of_range_values_are_unknown()
    {
        PadUfes20Cells.ParseFeatures(name => name == Fitzpatrick ? "9.0" : "")[Fitzpatrick].IsUnknown.Should().BeTrue();
    }

    [Fact]
    public void Reader_keeps_only_rows_whose_image_exists()
    {
        var folder = TestData.Subset("reader", rowsWithImage: 3, rowsWithoutImage: 2);

        var cases = PadUfes20Reader.Read(folder);

        cases.Should().HaveCount(3).And.AllSatisfy(c => File.Exists(c.ImagePath).Should().BeTrue());
        cases.Select(c => c.Features.Known.Count).Should().AllSatisfy(n => n.Should().BeGreaterThan(0));
    }
}
