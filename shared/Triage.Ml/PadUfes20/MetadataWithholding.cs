using Triage.Domain.ClinicalFeatures;
using static Triage.Domain.ClinicalFeatures.ClinicalFeatureCatalogue;

namespace Triage.Ml.PadUfes20;

public enum MetadataVariant
{
    AsRecorded,

    /// <summary>Only what PAD-UFES-20 records for its unbiopsied lesions: age, region and the lesion's symptoms.</summary>
    HistoryWithheld,

    AllWithheld,
}

/// <summary>
/// PAD-UFES-20 lacks the history and examination fields of every unbiopsied lesion, and none of
/// those is a cancer, so "history missing" would read as "benign". Training also sees every case
/// with its history withheld and with no metadata, so that missingness carries no diagnosis and an
/// image without metadata still gets a usable answer; evaluation reports each variant.
/// </summary>
public static class MetadataWithholding
{
    private static readonly HashSet<string> RecordedWithoutHistory =
        [Age, Region, Itch, Grew, Hurt, Changed, Bleed, Elevation];

    public static bool HasHistory(ClinicalFeatureSet features) =>
        features.Known.Keys.Any(k => !RecordedWithoutHistory.Contains(k));

    public static ClinicalFeatureSet Apply(ClinicalFeatureSet features, MetadataVariant variant) => variant switch
    {
        MetadataVariant.AsRecorded => features,
        MetadataVariant.AllWithheld => ClinicalFeatureSet.Empty,
        _ => features.Known.Keys
            .Where(k => !RecordedWithoutHistory.Contains(k))
            .Aggregate(features, (set, key) => set.With(key, FeatureValue.Unknown)),
    };
}
