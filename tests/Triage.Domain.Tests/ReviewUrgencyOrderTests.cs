using Triage.Domain.Review;

namespace Triage.Domain.Tests;

public class ReviewUrgencyOrderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.099, 0)]
    [InlineData(0.1, 1)]
    [InlineData(0.43, 4)]
    [InlineData(0.47, 4)]
    [InlineData(0.9, 9)]
    [InlineData(1.0, 9)]
    public void Cancer_probabilities_fall_in_bands_of_a_tenth(double probability, int band) =>
        ReviewUrgencyOrder.Band(probability).Should().Be(band);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void A_probability_outside_zero_to_one_is_refused(double probability) =>
        FluentActions.Invoking(() => ReviewUrgencyOrder.Band(probability)).Should().Throw<ArgumentOutOfRangeException>();

    public static TheoryData<string, ReviewUrgency, ReviewUrgency> FirstBeforeSecond() => new()
    {
        { "a higher band first, even when escalated and older", new(0.71, false, Monday.AddDays(3)), new(0.55, true, Monday) },
        { "the same band: escalated first, even when newer", new(0.41, true, Monday.AddDays(1)), new(0.49, false, Monday) },
        { "same band, both escalated: the longest waiting first", new(0.30, true, Monday), new(0.39, true, Monday.AddHours(1)) },
        { "same band, neither escalated: the longest waiting first", new(0.05, false, Monday), new(0.09, false, Monday.AddMinutes(1)) },
        { "a sure cancer before an unsure benign lesion", new(0.95, false, Monday.AddDays(7)), new(0.02, true, Monday) },
    };

    [Theory]
    [MemberData(nameof(FirstBeforeSecond))]
    public void More_urgent_cases_sort_first(string because, ReviewUrgency first, ReviewUrgency second)
    {
        ReviewUrgencyOrder.MostUrgentFirst.Compare(first, second).Should().BeNegative(because);
        ReviewUrgencyOrder.MostUrgentFirst.Compare(second, first).Should().BePositive(because);
    }

    [Fact]
    public void A_worklist_sorts_into_the_expected_order()
    {
        var waitingLongLowRisk = new ReviewUrgency(0.12, false, Monday);
        var escalatedMidRisk = new ReviewUrgency(0.44, true, Monday.AddHours(5));
        var midRisk = new ReviewUrgency(0.48, false, Monday.AddHours(1));
        var highRisk = new ReviewUrgency(0.83, false, Monday.AddHours(9));
        var midRiskOlder = new ReviewUrgency(0.40, false, Monday.AddMinutes(30));

        new[] { waitingLongLowRisk, escalatedMidRisk, midRisk, highRisk, midRiskOlder }
            .Order(ReviewUrgencyOrder.MostUrgentFirst)
            .Should().Equal(highRisk, escalatedMidRisk, midRiskOlder, midRisk, waitingLongLowRisk);
    }

    [Fact]
    public void Equal_urgency_compares_equal() =>
        ReviewUrgencyOrder.MostUrgentFirst.Compare(new(0.5, true, Monday), new(0.5, true, Monday)).Should().Be(0);
}
