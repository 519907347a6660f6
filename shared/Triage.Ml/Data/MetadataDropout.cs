using Triage.Ml.PadUfes20;

namespace Triage.Ml.Data;

/// <summary>
/// How often a training case is shown with its history withheld, or with no metadata at all, so
/// that missing metadata does not read as "benign" (see <see cref="MetadataWithholding"/>).
/// </summary>
public sealed record MetadataDropout(double HistoryWithheld = 0.25, double AllWithheld = 0.25)
{
    public static MetadataDropout None { get; } = new(0, 0);

    public MetadataVariant Draw(Random random)
    {
        var draw = random.NextDouble();
        return draw < AllWithheld ? MetadataVariant.AllWithheld
            : draw < AllWithheld + HistoryWithheld ? MetadataVariant.HistoryWithheld
            : MetadataVariant.AsRecorded;
    }
}
