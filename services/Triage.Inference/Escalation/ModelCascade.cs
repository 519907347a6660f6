using Triage.Domain.Escalation;
using Triage.Imaging;
using Triage.Inference.Batching;
using Triage.Inference.Models;

namespace Triage.Inference.Escalation;

/// <summary>
/// Runs the student on a case and, when <see cref="TeacherEscalationPolicy"/> says so and a teacher is
/// loaded, the teacher too. Each model gets the image preprocessed to its own input size and normalisation;
/// the scheduler decides whether the case runs alone or in a batch with others.
/// </summary>
public sealed class ModelCascade(ServingModels models, ImagePreprocessor preprocessor, IClassificationScheduler scheduler)
{
    /// <param name="image">The encoded photo.</param>
    /// <param name="features">The encoded clinical features, as both models take them.</param>
    /// <exception cref="ImageRejectedException">The photo cannot be decoded.</exception>
    public async Task<CascadeOutcome> ClassifyAsync(ReadOnlyMemory<byte> image, float[] features, CancellationToken cancellationToken = default)
    {
        var studentInput = models.Student.Contract.Input;
        var studentImage = preprocessor.Preprocess(image.Span, studentInput);
        var student = await RunAsync(models.Student, studentImage, features, cancellationToken);
        if (models.Teacher is not { } teacher)
        {
            return new CascadeOutcome(student, null, EscalationReason.None);
        }

        var reasons = TeacherEscalationPolicy.Decide(student.Probabilities, models.Thresholds);
        if (reasons == EscalationReason.None)
        {
            return new CascadeOutcome(student, null, reasons);
        }

        var teacherInput = teacher.Contract.Input;
        var teacherImage = SameInput(studentInput, teacherInput) ? studentImage : preprocessor.Preprocess(image.Span, teacherInput);
        return new CascadeOutcome(student, await RunAsync(teacher, teacherImage, features, cancellationToken), reasons);
    }

    private async Task<ModelRun> RunAsync(OnnxClassifier classifier, float[] image, float[] features, CancellationToken cancellationToken)
    {
        var run = await scheduler.ClassifyAsync(classifier, new ClassifierInput(image, features), cancellationToken);
        return ModelRun.Of(classifier, run.Probabilities, run.Milliseconds, run.BatchSize, run.Attention);
    }

    private static bool SameInput(ModelInputSpec a, ModelInputSpec b) =>
        a.Width == b.Width && a.Height == b.Height && a.Mean.SequenceEqual(b.Mean) && a.Std.SequenceEqual(b.Std);
}
