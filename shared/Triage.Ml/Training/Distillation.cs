using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Training;

/// <summary>A frozen teacher and how much each distillation term counts.</summary>
public sealed record Distillation(nn.Module<Tensor, Tensor?, NetworkOutput> Teacher, long TeacherFeatureCount, DistillationWeights Weights);
