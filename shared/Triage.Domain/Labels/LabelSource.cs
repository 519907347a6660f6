namespace Triage.Domain.Labels;

/// <summary>Where a labelled case's diagnosis comes from.</summary>
public enum LabelSource
{
    /// <summary>A dermatologist's clinical diagnosis from the photo and the clinical features.</summary>
    Dermatologist,

    /// <summary>Histopathology of a biopsy: the reference standard.</summary>
    Biopsy,
}
