namespace Triage.Inference.Classification;

public enum CaseNotClassifiableReason
{
    ImageMissing,
    ImageChecksumMismatch,
    ImageRejected,
    FeatureEncodingMismatch,
    FeatureWidthMismatch,
}

/// <summary>A request that no retry can ever satisfy; excluded from retry, so it faults at once.</summary>
public sealed class CaseNotClassifiableException(CaseNotClassifiableReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public CaseNotClassifiableReason Reason { get; } = reason;
}
