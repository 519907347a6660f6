using Triage.Domain.Review;

namespace Triage.Domain.Tests;

public class ReviewClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, 0, "dr.b", true)]
    [InlineData("dr.a", 10, "dr.b", false)]
    [InlineData("dr.a", 10, "dr.a", true)]
    [InlineData("dr.a", 0, "dr.b", true)]
    [InlineData("dr.a", -5, "dr.b", true)]
    public void Who_may_take_a_case(string? holder, int minutesLeft, string reviewer, bool may)
    {
        ReviewClaim? claim = holder is null ? null : new ReviewClaim(holder, Now.AddMinutes(minutesLeft));
        ReviewClaim.CanTake(claim, reviewer, Now).Should().Be(may);
    }

    [Theory]
    [InlineData("not-assessable", null)]
    [InlineData("MEL", "MEL")]
    [InlineData("SEK", "SEK")]
    public void Reviewed_diagnoses_parse(string code, string? diagnosis)
    {
        ReviewedDiagnosis.TryParse(code, out var reviewed).Should().BeTrue();
        reviewed.Diagnosis?.ToString().Should().Be(diagnosis);
        reviewed.Code.Should().Be(code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mel")]
    [InlineData("7")]
    [InlineData("cancer")]
    public void Anything_else_is_not_a_reviewed_diagnosis(string? code) =>
        ReviewedDiagnosis.TryParse(code, out _).Should().BeFalse();
}
