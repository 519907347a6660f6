namespace Triage.Domain.ClinicalFeatures;

public enum FeatureKind
{
    /// <summary>Yes or no (PAD-UFES-20: True/False).</summary>
    Boolean,
    /// <summary>A whole number within a range.</summary>
    Integer,
    /// <summary>A measured quantity within a range.</summary>
    Decimal,
    /// <summary>One of a fixed list of codes.</summary>
    Category,
}
