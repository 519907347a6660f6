using Triage.Contracts;
using Triage.Domain.Diagnoses;

namespace Triage.Intake.Tests.Rest;

/// <summary>Answers of inference for a case, as <see cref="ClassificationCompleted"/> carries them.</summary>
internal static class Answers
{
    public const string Student = "student-b0";
    public const string Teacher = "teacher-convnext";

    /// <summary>The student decided alone. Probabilities in class order: ACK, BCC, MEL, NEV, SCC, SEK.</summary>
    public static ClassificationCompleted ByStudent(Guid caseId, double[] probabilities, string version = "1.0.0")
    {
        var student = Output(Student, version, probabilities);
        return new(caseId, student.ModelName, student.ModelVersion, student.ExecutionProvider, student.Probabilities,
            student.InferenceMilliseconds, DateTimeOffset.UtcNow, ModelRole.Student, student, null, []);
    }

    /// <summary>The student escalated for low confidence and the teacher decided.</summary>
    public static ClassificationCompleted ByTeacher(Guid caseId, double[] student, double[] teacher)
    {
        var studentOutput = Output(Student, "1.0.0", student);
        var teacherOutput = Output(Teacher, "2.0.0", teacher);
        return new(caseId, teacherOutput.ModelName, teacherOutput.ModelVersion, teacherOutput.ExecutionProvider, teacherOutput.Probabilities,
            teacherOutput.InferenceMilliseconds, DateTimeOffset.UtcNow, ModelRole.Teacher, studentOutput, teacherOutput, ["LowConfidence"]);
    }

    /// <summary>A confident nevus: cancer 0.06, top 0.90; not flagged under the default review thresholds.</summary>
    public static double[] ConfidentNevus => [0.02, 0.02, 0.02, 0.90, 0.02, 0.02];

    /// <summary>A likely melanoma: cancer 0.85; flagged as suspicious.</summary>
    public static double[] LikelyMelanoma => [0.05, 0.05, 0.80, 0.05, 0.00, 0.05];

    private static ModelOutput Output(string name, string version, double[] probabilities) =>
        new(name, version, "CPU", Diagnoses.All.Select(d => new DiagnosisProbability(d.Code(), probabilities[(int)d])).ToList(), 3.5);
}
