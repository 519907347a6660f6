using Triage.Domain.Diagnoses;

namespace Triage.Ml.Evaluation;

/// <summary>One class's scores and its one-vs-rest ROC (null when the class has no positives or no negatives).</summary>
public sealed record ClassEvaluation(Diagnosis Diagnosis, ClassScores Scores, RocCurve? Roc);

/// <summary>
/// Everything measured from the true diagnoses and the predicted probabilities of a set of cases.
/// The predicted class is the most probable one (the first, in class order, on a tie).
/// </summary>
public sealed record ModelEvaluation(
    ClassificationMetrics Metrics,
    IReadOnlyList<ClassEvaluation> PerClass,
    ConfusionMatrix Confusion,
    Calibration Calibration,
    MalignancyScreen Malignancy)
{
    public int N => Metrics.N;

    /// <summary>Mean one-vs-rest AUC over the classes that have a curve; null when none has.</summary>
    public double? MacroAuc => AucClasses.Count == 0 ? null : PerClass.Where(c => c.Roc is not null).Average(c => c.Roc!.Auc);

    public IReadOnlyList<Diagnosis> AucClasses => PerClass.Where(c => c.Roc is not null).Select(c => c.Diagnosis).ToList();

    /// <summary>Classes left out of <see cref="MacroAuc"/>: no case of the class, or nothing but it.</summary>
    public IReadOnlyList<Diagnosis> AucExcluded => PerClass.Where(c => c.Roc is null).Select(c => c.Diagnosis).ToList();

    /// <param name="truth">Each case's true diagnosis.</param>
    /// <param name="probabilities">Each case's probabilities in <see cref="Diagnoses.All"/> order.</param>
    public static ModelEvaluation From(IReadOnlyList<Diagnosis> truth, IReadOnlyList<float[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        var classes = Diagnoses.All.Count;
        if (truth.Count != probabilities.Count)
        {
            throw new ArgumentException($"{truth.Count} diagnoses but {probabilities.Count} predictions.", nameof(probabilities));
        }

        if (probabilities.FirstOrDefault(p => p.Length != classes) is { } wrong)
        {
            throw new ArgumentException($"A prediction has {wrong.Length} probabilities; there are {classes} classes.", nameof(probabilities));
        }

        var labels = truth.Select(d => (int)d).ToList();
        var predicted = probabilities.Select(ArgMax).ToList();
        var confusion = ConfusionMatrix.From(labels, predicted, classes);
        var scores = ClassScores.From(confusion);
        var perClass = Diagnoses.All.Select((diagnosis, k) => new ClassEvaluation(
            diagnosis,
            scores[k],
            RocCurve.From(probabilities.Select(p => (double)p[k]).ToList(), labels.Select(l => l == k).ToList()))).ToList();
        var calibration = Calibration.From(
            probabilities.Select((p, i) => (double)p[predicted[i]]).ToList(),
            labels.Select((l, i) => l == predicted[i]).ToList());
        return new ModelEvaluation(ClassificationMetrics.From(confusion), perClass, confusion, calibration, MalignancyScreen.From(confusion));
    }

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] > values[best])
            {
                best = k;
            }
        }

        return best;
    }
}
