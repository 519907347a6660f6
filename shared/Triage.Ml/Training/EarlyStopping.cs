namespace Triage.Ml.Training;

/// <summary>Keeps the best validation score; says stop after <c>patience</c> epochs without improving it.</summary>
public sealed class EarlyStopping(int patience, double minimumImprovement = 1e-4)
{
    public double Best { get; private set; } = double.NegativeInfinity;

    public int BestEpoch { get; private set; } = -1;

    public int EpochsWithoutImprovement { get; private set; }

    /// <summary>Records an epoch's score; true when it is the best so far (save this model).</summary>
    public bool Record(int epoch, double score)
    {
        if (score > Best + minimumImprovement)
        {
            Best = score;
            BestEpoch = epoch;
            EpochsWithoutImprovement = 0;
            return true;
        }

        EpochsWithoutImprovement++;
        return false;
    }

    public bool ShouldStop => EpochsWithoutImprovement >= patience;

    /// <summary>Restores the state recorded in a checkpoint.</summary>
    public void Restore(double best, int bestEpoch, int epochsWithoutImprovement)
    {
        Best = best;
        BestEpoch = bestEpoch;
        EpochsWithoutImprovement = epochsWithoutImprovement;
    }
}
