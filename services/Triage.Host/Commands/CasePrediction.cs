using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>One case's probabilities (in <c>Diagnoses.All</c> order) with its metadata as recorded and with all of it withheld.</summary>
internal sealed record CasePrediction(PadUfes20Case Case, float[] AsRecorded, float[] MetadataWithheld);

/// <summary>An image the preprocessing refused, as the inference service would refuse the case.</summary>
internal sealed record SkippedImage(string ImageId, string Reason);
