using Triage.Ml.Training;

namespace Triage.Ml.Tests.Training;

public class LearningRateScheduleTests
{
    private static readonly LearningRateSchedule Schedule = new(PeakRate: 1e-3, WarmupSteps: 10, TotalSteps: 110, FinalFraction: 0.01);

    [Theory]
    [InlineData(0, 1e-4)]
    [InlineData(4, 5e-4)]
    [InlineData(9, 1e-3)]
    [InlineData(10, 1e-3)]
    [InlineData(60, 1e-5 + (1e-3 - 1e-5) * 0.5)]
    [InlineData(110, 1e-5)]
    [InlineData(500, 1e-5)]
    public void Warms_up_linearly_then_decays_along_a_cosine(int step, double expected)
    {
        Schedule.At(step).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Never_rises_after_the_warm_up()
    {
        var rates = Enumerable.Range(10, 100).Select(Schedule.At).ToList();
        rates.Zip(rates.Skip(1)).Should().OnlyContain(p => p.Second <= p.First);
    }
}

public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_a_better_score()
    {
        var stopping = new EarlyStopping(patience: 3);
        var scores = new[] { 0.5, 0.6, 0.6, 0.59, 0.61, 0.60, 0.60, 0.605, 0.7 };
        var best = new List<bool>();
        var stoppedAt = -1;
        for (var epoch = 0; epoch < scores.Length && stoppedAt < 0; epoch++)
        {
            best.Add(stopping.Record(epoch, scores[epoch]));
            if (stopping.ShouldStop)
            {
                stoppedAt = epoch;
            }
        }

        best.Should().Equal(true, true, false, false, true, false, false, false);
        stoppedAt.Should().Be(7, "three epochs after the best one (4) without beating it");
        stopping.Best.Should().Be(0.61);
        stopping.BestEpoch.Should().Be(4);
    }
}
