namespace Triage.Ml.Training;

/// <summary>Linear warm-up from zero to the peak rate, then cosine decay to <see cref="FinalFraction"/> of it.</summary>
public sealed record LearningRateSchedule(double PeakRate, int WarmupSteps, int TotalSteps, double FinalFraction = 0.01)
{
    public double At(int step)
    {
        if (step < WarmupSteps)
        {
            return PeakRate * (step + 1) / WarmupSteps;
        }

        var decaySteps = Math.Max(1, TotalSteps - WarmupSteps);
        var progress = Math.Min(1.0, (step - WarmupSteps) / (double)decaySteps);
        var floor = PeakRate * FinalFraction;
        return floor + (PeakRate - floor) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
