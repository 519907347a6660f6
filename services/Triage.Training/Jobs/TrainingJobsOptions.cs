using System.ComponentModel.DataAnnotations;

namespace Triage.Training.Jobs;

/// <summary>When training runs (section <c>Training:Jobs</c>); cron expressions are read in UTC.</summary>
public sealed class TrainingJobsOptions
{
    public const string SectionName = "Training:Jobs";

    /// <summary>Re-distil the student: nightly at 02:00.</summary>
    [Required]
    public string StudentCron { get; set; } = "0 2 * * *";

    /// <summary>Retrain the teacher, then distil a student from it: Sundays at 03:00.</summary>
    [Required]
    public string TeacherCron { get; set; } = "0 3 * * 0";

    /// <summary>How often to count new labelled cases.</summary>
    [Required]
    public string NewCasesCheckCron { get; set; } = "*/15 * * * *";

    /// <summary>Re-distil once this many labelled cases have arrived since the last finished run.</summary>
    [Range(1, int.MaxValue)]
    public int NewCasesThreshold { get; set; } = 50;
}
