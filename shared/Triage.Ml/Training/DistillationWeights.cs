namespace Triage.Ml.Training;

/// <summary>
/// The weight of each term of the student's loss: focal loss on the labels, Hinton's logit
/// distillation (at <see cref="Temperature"/>), feature similarity and attention transfer.
/// With no teacher only the focal term applies.
/// </summary>
public sealed record DistillationWeights(
    double Focal = 1.0,
    double Logits = 1.0,
    double Features = 0.0,
    double Attention = 0.0,
    double Temperature = 4.0)
{
    public static DistillationWeights LabelsOnly { get; } = new(Logits: 0);

    public bool NeedsTeacher => Logits > 0 || Features > 0 || Attention > 0;
}
