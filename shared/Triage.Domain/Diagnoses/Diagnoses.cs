using System.Collections.Frozen;

namespace Triage.Domain.Diagnoses;

/// <summary>Facts about the diagnoses that every part of the platform shares.</summary>
public static class Diagnoses
{
    /// <summary>All diagnoses in class order (index i is the model's output i).</summary>
    public static IReadOnlyList<Diagnosis> All { get; } = Enum.GetValues<Diagnosis>();

    /// <summary>The cancers among them: BCC, MEL and SCC.</summary>
    public static IReadOnlyList<Diagnosis> Cancers { get; } = [Diagnosis.BCC, Diagnosis.MEL, Diagnosis.SCC];

    private static readonly FrozenDictionary<Diagnosis, string> DisplayNames = new Dictionary<Diagnosis, string>
    {
        [Diagnosis.ACK] = "Actinic keratosis",
        [Diagnosis.BCC] = "Basal cell carcinoma",
        [Diagnosis.MEL] = "Melanoma",
        [Diagnosis.NEV] = "Melanocytic nevus",
        [Diagnosis.SCC] = "Squamous cell carcinoma",
        [Diagnosis.SEK] = "Seborrheic keratosis",
    }.ToFrozenDictionary();

    public static bool IsCancer(this Diagnosis diagnosis) =>
        diagnosis is Diagnosis.BCC or Diagnosis.MEL or Diagnosis.SCC;

    public static string DisplayName(this Diagnosis diagnosis) => DisplayNames[diagnosis];

    /// <summary>The PAD-UFES-20 code as written in metadata.csv and in model metadata.</summary>
    public static string Code(this Diagnosis diagnosis) => diagnosis.ToString();

    public static bool TryParse(string? code, out Diagnosis diagnosis) =>
        Enum.TryParse(code, ignoreCase: false, out diagnosis) && Enum.IsDefined(diagnosis);
}
