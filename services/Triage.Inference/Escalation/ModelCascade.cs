using Triage.Domain.Escalation;
using Triage.Imaging;
using Triage.Inference.Models;

namespace Triage.Inference.Escalation;

/// <summary>
/// Runs the student on a case and, when <see cref="TeacherEscalationPolicy"/> says so and a teacher is
/// loaded, the teacher too. Each model gets the image preprocessed to its own input size and normalisation.
/// </summary>
public sealed class ModelCascade(ServingModels models, ImagePreprocessor preprocessor, TimeProvider time)
{
    /// <param name="image">The encoded photo.</param>
    /// <param name="features">The encoded clinical features, as both models take them.</param>
    /// <exception cref="ImageRejectedException">The photo cannot be decoded.</exception>
    public CascadeOutcome Classify(ReadOnlySpan<byte> image, float[] features)
    {
        var studentInput = models.Student.Contract.Input;
        var studentImage = preprocessor.Preprocess(image, studentInput);
        var student = Run(models.Student, studentImage, features);
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
        var teacherImage = SameInput(studentInput, teacherInput) ? studentImage : preprocessor.Preprocess(image, teacherInput);
        return new CascadeOutcome(student, Run(teacher, teacherImage, features), reasons);
    }

    private ModelRun Run(OnnxClassifier classifier, float[] image, float[] features)
    {
        var started = time.GetTimestamp();
        var probabilities = classifier.Classify([new ClassifierInput(image, features)])[0];
        return ModelRun.Of(classifier, probabilities, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private static bool SameInput(ModelInputSpec a, ModelInputSpec b) =>
        a.Width == b.Width && a.Height == b.Height && a.Mean.SequenceEqual(b.Mean) && a.Std.SequenceEqual(b.Std);
}
