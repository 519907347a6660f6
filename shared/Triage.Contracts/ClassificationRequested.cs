namespace Triage.Contracts;

/// <summary>
/// A case is ready to be classified. Claim check: the message names the stored image and its
/// SHA-256; the bytes stay in the image store.
/// </summary>
/// <param name="Features">Clinical features encoded with <paramref name="FeatureEncoding"/>
/// (values and missing-value indicators, see docs/model-contract.md).</param>
public sealed record ClassificationRequested(
    Guid CaseId,
    Guid ImageId,
    string ImageSha256,
    string FeatureEncoding,
    float[] Features,
    DateTimeOffset RequestedAt);
