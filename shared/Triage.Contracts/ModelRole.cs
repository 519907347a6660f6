namespace Triage.Contracts;

/// <summary>The part a model plays in classification: values of <see cref="ClassificationCompleted.DecidedBy"/>.</summary>
public static class ModelRole
{
    public const string Student = "student";
    public const string Teacher = "teacher";
}
