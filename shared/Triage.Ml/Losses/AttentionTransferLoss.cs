using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Triage.Ml.Losses;

/// <summary>
/// Attention transfer (Zagoruyko and Komodakis, 2017): at each matched stage, the spatial map of
/// channel-wise mean squared activations, flattened and L2-normalised, of the student should match
/// the teacher's; the loss is the mean squared difference, summed over stages. Maps of different
/// sizes are compared at the smaller size (average pooling).
/// </summary>
public sealed class AttentionTransferLoss
{
    public Tensor Compute(IReadOnlyList<Tensor> studentStages, IReadOnlyList<Tensor> teacherStages)
    {
        if (studentStages.Count != teacherStages.Count || studentStages.Count == 0)
        {
            throw new ArgumentException("Attention transfer needs the same, non-zero number of stages from both networks.");
        }

        Tensor? total = null;
        for (var i = 0; i < studentStages.Count; i++)
        {
            var (student, teacher) = SameSize(studentStages[i], teacherStages[i].detach());
            var difference = (AttentionMap(student) - AttentionMap(teacher)).pow(2).mean();
            total = total is null ? difference : total + difference;
        }

        return total!;
    }

    /// <summary>[N,C,H,W] → [N,H·W]: mean over channels of the squared activations, L2-normalised per sample.</summary>
    public static Tensor AttentionMap(Tensor activations) =>
        normalize(activations.pow(2).mean([1]).flatten(1), p: 2, dim: 1);

    private static (Tensor Student, Tensor Teacher) SameSize(Tensor student, Tensor teacher)
    {
        long height = Math.Min(student.shape[2], teacher.shape[2]), width = Math.Min(student.shape[3], teacher.shape[3]);
        return (Pool(student, height, width), Pool(teacher, height, width));
    }

    private static Tensor Pool(Tensor map, long height, long width) =>
        map.shape[2] == height && map.shape[3] == width ? map : adaptive_avg_pool2d(map, [height, width]);
}
