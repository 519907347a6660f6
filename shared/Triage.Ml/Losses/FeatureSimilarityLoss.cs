using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Triage.Ml.Losses;

/// <summary>
/// Feature distillation: the student's pooled features, through a learned linear projection to the
/// teacher's width, should point the same way as the teacher's: 1 − cosine similarity, batch mean.
/// </summary>
public sealed class FeatureSimilarityLoss : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear projection;

    public FeatureSimilarityLoss(long studentWidth, long teacherWidth) : base(nameof(FeatureSimilarityLoss))
    {
        projection = nn.Linear(studentWidth, teacherWidth, hasBias: false);
        RegisterComponents();
    }

    public Linear Projection => projection;

    public override Tensor forward(Tensor studentFeatures, Tensor teacherFeatures)
    {
        var projected = projection.forward(studentFeatures);
        return (1 - cosine_similarity(projected, teacherFeatures.detach(), dim: 1)).mean();
    }
}
