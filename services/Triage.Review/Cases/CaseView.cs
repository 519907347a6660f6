using Triage.Data.Cases;
using Triage.Data.Labels;
using Triage.Data.Results;
using Triage.Domain.ClinicalFeatures;

namespace Triage.Review.Cases;

/// <summary>A feature as the case view shows it.</summary>
public sealed record FeatureLine(string Display, string Value);

/// <summary>An earlier case of the same lesion, or of the same patient when the EHR did not name the lesion.</summary>
public sealed record EarlierCase(Guid CaseId, DateTimeOffset ReceivedAt, string Status, string? Suggested, string? Label, string? LabelSource);

/// <summary>Everything the case view shows about one flagged case.</summary>
public sealed record CaseView(
    TriageCase Case,
    CaseResult Result,
    IReadOnlyList<FeatureLine> Features,
    IReadOnlyList<string> ReviewReasons,
    string? TaskStatus,
    IReadOnlyList<EarlierCase> EarlierCases,
    LabelledCase? Label,
    bool HasAttentionMap)
{
    /// <summary>Whether <see cref="EarlierCases"/> are photos of this lesion (the EHR named it) rather than every earlier case of the patient.</summary>
    public bool EarlierCasesAreOfTheLesion => Case.LesionKey is not null;

    public static IReadOnlyList<FeatureLine> Lines(ClinicalFeatureSet features) =>
    [
        .. ClinicalFeatureCatalogue.All.Select(f => new FeatureLine(
            f.Unit is null ? f.Display : $"{f.Display} ({f.Unit})",
            features[f.Key] switch
            {
                { IsUnknown: true } => "unknown",
                { Boolean: { } b } => b ? "yes" : "no",
                { Number: { } n } => n.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
                var v => v.Category!.Replace('_', ' ').ToLowerInvariant(),
            })),
    ];
}
