using Triage.Ml.PadUfes20;
using Triage.Ml.Training;

namespace Triage.Ml.Experiments;

/// <summary>
/// Training and validation cases by patient: with a fold, that fold validates and the others train
/// (cross-validation); without one, fold 0 validates (early stopping and temperature) for a release model.
/// </summary>
public sealed record FoldSplit(IReadOnlyList<PadUfes20Case> Training, IReadOnlyList<PadUfes20Case> Validation, int Fold, int Folds)
{
    public const int DefaultSeed = 20;

    public static FoldSplit Of(IReadOnlyList<PadUfes20Case> cases, int folds, int? fold, int seed = DefaultSeed)
    {
        var assigned = PatientFolds.Assign(cases.Select(c => c.PatientId).ToList(), cases.Select(c => (int)c.Diagnosis).ToList(), folds, seed);
        var validationFold = fold ?? 0;
        if (validationFold < 0 || validationFold >= folds)
        {
            throw new ArgumentOutOfRangeException(nameof(fold), $"The fold must be between 0 and {folds - 1}.");
        }

        return new FoldSplit(
            cases.Where((_, i) => assigned[i] != validationFold).ToList(),
            cases.Where((_, i) => assigned[i] == validationFold).ToList(),
            validationFold,
            folds);
    }
}
