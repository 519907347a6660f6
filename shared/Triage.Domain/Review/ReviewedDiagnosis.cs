using Triage.Domain.Diagnoses;

namespace Triage.Domain.Review;

/// <summary>A dermatologist's answer to a review: one of the six diagnoses, or "not assessable: retake the photo".</summary>
public readonly record struct ReviewedDiagnosis
{
    public const string NotAssessableCode = "not-assessable";

    private ReviewedDiagnosis(Diagnosis? diagnosis) => Diagnosis = diagnosis;

    /// <summary>Null when the photo cannot be assessed.</summary>
    public Diagnosis? Diagnosis { get; }

    public bool IsNotAssessable => Diagnosis is null;

    public static ReviewedDiagnosis NotAssessable { get; } = new(null);

    public static ReviewedDiagnosis Of(Diagnosis diagnosis) => new(diagnosis);

    /// <summary>A diagnosis code (ACK, BCC, MEL, NEV, SCC, SEK) or <see cref="NotAssessableCode"/>.</summary>
    public static bool TryParse(string? code, out ReviewedDiagnosis reviewed)
    {
        if (code == NotAssessableCode)
        {
            reviewed = NotAssessable;
            return true;
        }

        var known = Diagnoses.Diagnoses.TryParse(code, out var diagnosis);
        reviewed = known ? Of(diagnosis) : default;
        return known;
    }

    public string Code => Diagnosis?.Code() ?? NotAssessableCode;

    public string Display => Diagnosis?.DisplayName() ?? "Not assessable: retake the photo";
}
