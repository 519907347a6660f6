using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Triage.Ml.Losses;

/// <summary>
/// Hinton's distillation: KL(teacher ‖ student) between the temperature-softened distributions,
/// averaged over the batch and multiplied by T² so that its gradients keep their scale.
/// </summary>
public sealed class HintonDistillationLoss(double temperature = 4.0)
{
    public double Temperature => temperature;

    public Tensor Compute(Tensor studentLogits, Tensor teacherLogits)
    {
        var logStudent = log_softmax(studentLogits / temperature, 1);
        var teacher = softmax(teacherLogits.detach() / temperature, 1);
        // kl_div's defaults (log target, mean over every element) are not Hinton's loss.
        var klSum = kl_div(logStudent, teacher, reduction: TorchSharp.torch.nn.Reduction.Sum, log_target: false);
        return klSum / studentLogits.shape[0] * (temperature * temperature);
    }
}
