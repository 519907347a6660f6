namespace Triage.Domain.Diagnoses;

/// <summary>The six PAD-UFES-20 diagnoses, in the class order every model uses.</summary>
public enum Diagnosis
{
    /// <summary>Actinic keratosis (pre-malignant).</summary>
    ACK = 0,
    /// <summary>Basal cell carcinoma.</summary>
    BCC = 1,
    /// <summary>Melanoma.</summary>
    MEL = 2,
    /// <summary>Melanocytic nevus.</summary>
    NEV = 3,
    /// <summary>Squamous cell carcinoma (including Bowen's disease).</summary>
    SCC = 4,
    /// <summary>Seborrheic keratosis.</summary>
    SEK = 5,
}
