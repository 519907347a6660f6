using Triage.Domain.Diagnoses;
using Triage.Domain.Review;

namespace Triage.Review.Decisions;

/// <summary>What a reviewer submits: the diagnosis, optionally a biopsy result and a note, and the case revision they saw.</summary>
public sealed record ReviewDecision(ReviewedDiagnosis Diagnosis, Diagnosis? Biopsy, string? Note, int SeenRevision)
{
    public const int MaxNoteLength = 2000;

    /// <summary>Reads the form values; a list of what is wrong when they are not a decision.</summary>
    public static (ReviewDecision? Decision, IReadOnlyList<string> Problems) Parse(string? diagnosis, string? biopsy, string? note, int? seenRevision)
    {
        var problems = new List<string>();
        if (!ReviewedDiagnosis.TryParse(diagnosis, out var reviewed))
        {
            problems.Add("Choose one of the six diagnoses, or \"not assessable: retake photo\".");
        }

        Diagnosis? histology = null;
        if (!string.IsNullOrEmpty(biopsy))
        {
            if (Diagnoses.TryParse(biopsy, out var parsed))
            {
                histology = parsed;
            }
            else
            {
                problems.Add("A biopsy result must be one of the six diagnoses.");
            }
        }

        if (note is { Length: > MaxNoteLength })
        {
            problems.Add($"The note is longer than {MaxNoteLength} characters.");
        }

        if (seenRevision is null)
        {
            problems.Add("The form is missing the version of the case it was opened on; reload the case.");
        }

        return problems.Count > 0 ? (null, problems) : (new ReviewDecision(reviewed, histology, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), seenRevision!.Value), problems);
    }
}

/// <summary>Why a decision was not recorded; nothing was changed.</summary>
public enum RefusalKind
{
    NotFound,
    Invalid,
    Conflict,
}

public sealed class ReviewDecisionRefusedException(RefusalKind kind, string message) : Exception(message)
{
    public RefusalKind Kind { get; } = kind;
}
