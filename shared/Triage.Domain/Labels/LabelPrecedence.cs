namespace Triage.Domain.Labels;

/// <summary>A diagnosis given to a case for training, where it came from and when.</summary>
public readonly record struct CaseLabel(Diagnoses.Diagnosis Diagnosis, LabelSource Source, DateTimeOffset At);

/// <summary>
/// Which label a case keeps for training: a biopsy result always beats a dermatologist's clinical diagnosis, whenever
/// either was recorded (histopathology is the reference standard); between two labels of the same source the later one
/// stands (a correction).
/// </summary>
public static class LabelPrecedence
{
    /// <summary>True when <paramref name="incoming"/> should replace <paramref name="current"/> (none yet: always).</summary>
    public static bool Replaces(CaseLabel incoming, CaseLabel? current)
    {
        if (current is not { } existing)
        {
            return true;
        }

        if (incoming.Source != existing.Source)
        {
            return incoming.Source == LabelSource.Biopsy;
        }

        return incoming.At >= existing.At;
    }

    /// <summary>The label that stands after <paramref name="incoming"/> arrives.</summary>
    public static CaseLabel Resolve(CaseLabel incoming, CaseLabel? current) =>
        Replaces(incoming, current) ? incoming : current!.Value;
}
