using Triage.Domain.Diagnoses;

namespace Triage.Domain.Tests;

public class DiagnosesTests
{
    [Theory]
    [InlineData(Diagnosis.ACK, false)]
    [InlineData(Diagnosis.BCC, true)]
    [InlineData(Diagnosis.MEL, true)]
    [InlineData(Diagnosis.NEV, false)]
    [InlineData(Diagnosis.SCC, true)]
    [InlineData(Diagnosis.SEK, false)]
    public void Cancers_are_BCC_MEL_and_SCC(Diagnosis diagnosis, bool cancer)
    {
        diagnosis.IsCancer().Should().Be(cancer);
        Diagnoses.Diagnoses.Cancers.Contains(diagnosis).Should().Be(cancer);
    }

    [Fact]
    public void Class_order_is_alphabetical_PAD_UFES_20_order()
    {
        Diagnoses.Diagnoses.All.Select(d => d.Code()).Should().Equal("ACK", "BCC", "MEL", "NEV", "SCC", "SEK");
        Diagnoses.Diagnoses.All.Select(d => (int)d).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Theory]
    [InlineData("MEL", true)]
    [InlineData("mel", false)]
    [InlineData("6", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Parses_only_the_exact_codes(string? code, bool ok)
    {
        Diagnoses.Diagnoses.TryParse(code, out _).Should().Be(ok);
    }

    [Fact]
    public void Every_diagnosis_has_a_display_name()
    {
        Diagnoses.Diagnoses.All.Should().OnlyContain(d => d.DisplayName().Length > 3);
    }
}
