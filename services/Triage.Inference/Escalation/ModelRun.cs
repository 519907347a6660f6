using Triage.Domain.Diagnoses;
using Triage.Inference.Models;

namespace Triage.Inference.Escalation;

/// <summary>One model's answer for one case.</summary>
/// <param name="Probabilities">In the platform's class order (<see cref="Diagnoses.All"/>).</param>
/// <param name="Milliseconds">How long the model ran on the batch the case was part of.</param>
/// <param name="BatchSize">How many cases that run held.</param>
/// <param name="Attention">Where the model looked, when its file exports an attention map.</param>
public sealed record ModelRun(
    ModelContract Contract, string ExecutionProvider, double[] Probabilities, double Milliseconds, int BatchSize = 1, Triage.Contracts.AttentionMap? Attention = null)
{
    /// <param name="probabilities">The model's output, in its own class order.</param>
    public static ModelRun Of(
        OnnxClassifier classifier, float[] probabilities, double milliseconds, int batchSize = 1, Triage.Contracts.AttentionMap? attention = null)
    {
        var classOrder = classifier.Contract.ClassOrder;
        var inDiagnosisOrder = Diagnoses.All.Select(d => (double)probabilities[IndexOf(classOrder, d)]).ToArray();
        return new ModelRun(classifier.Contract, classifier.ExecutionProvider, inDiagnosisOrder, milliseconds, batchSize, attention);
    }

    private static int IndexOf(IReadOnlyList<Diagnosis> classOrder, Diagnosis diagnosis)
    {
        for (var i = 0; i < classOrder.Count; i++)
        {
            if (classOrder[i] == diagnosis)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The model has no class {diagnosis}.");
    }
}
