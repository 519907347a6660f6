using Triage.Domain.Escalation;

namespace Triage.Inference.Models;

/// <summary>The models that answer cases: the student, and the teacher it escalates to with its thresholds.</summary>
public sealed class ServingModels : IDisposable
{
    /// <param name="teacher">Null for the student alone, which then never escalates.</param>
    public ServingModels(OnnxClassifier student, OnnxClassifier? teacher, EscalationThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (teacher is not null && (teacher.Contract.FeatureEncoding != student.Contract.FeatureEncoding
            || teacher.Contract.MetadataWidth != student.Contract.MetadataWidth))
        {
            throw new ModelContractException(teacher.ModelPath,
                $"it takes features '{teacher.Contract.FeatureEncoding}' ({teacher.Contract.MetadataWidth} values), the student " +
                $"'{student.Contract.FeatureEncoding}' ({student.Contract.MetadataWidth}); both are given the same request.");
        }

        Student = student;
        Teacher = teacher;
        Thresholds = teacher is null ? EscalationThresholds.Never : thresholds;
    }

    public OnnxClassifier Student { get; }

    public OnnxClassifier? Teacher { get; }

    /// <summary><see cref="EscalationThresholds.Never"/> without a teacher.</summary>
    public EscalationThresholds Thresholds { get; }

    public void Dispose()
    {
        Student.Dispose();
        Teacher?.Dispose();
    }
}
