using Triage.Ml.Losses;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

/// <summary>The weighted sum of the loss terms for one batch, with each term's value for progress reports.</summary>
internal sealed class StudentLosses(FocalLoss focal, DistillationWeights weights, Distillation? distillation)
{
    private readonly HintonDistillationLoss _logits = new(weights.Temperature);
    private readonly AttentionTransferLoss _attention = new();
    private readonly FeatureSimilarityLoss? _features = distillation is not null && weights.Features > 0
        ? new FeatureSimilarityLoss(StudentNetwork.PooledFeatureCount, distillation.TeacherFeatureCount)
        : null;

    public IEnumerable<TorchSharp.Modules.Parameter> Parameters() => _features?.parameters() ?? [];

    public (Tensor Total, IReadOnlyList<(string Name, double Value)> Values) Compute(
        NetworkOutput student, Tensor images, Tensor metadata, Tensor labels)
    {
        var terms = new List<(string Name, Tensor Term)> { ("focal", focal.Compute(student.Logits, labels) * weights.Focal) };
        if (distillation is not null && weights.NeedsTeacher)
        {
            distillation.Teacher.eval();
            NetworkOutput teacher;
            using (no_grad())
            {
                teacher = distillation.Teacher.forward(images, metadata);
            }

            if (weights.Logits > 0)
            {
                terms.Add(("logits", _logits.Compute(student.Logits, teacher.Logits) * weights.Logits));
            }

            if (_features is not null)
            {
                terms.Add(("features", _features.forward(student.PooledFeatures, teacher.PooledFeatures) * weights.Features));
            }

            if (weights.Attention > 0)
            {
                terms.Add(("attention", _attention.Compute(student.StageFeatures, teacher.StageFeatures) * weights.Attention));
            }
        }

        var total = terms.Select(t => t.Term).Aggregate((a, b) => a + b);
        return (total, terms.Select(t => (t.Name, (double)t.Term.item<float>())).ToList());
    }
}
