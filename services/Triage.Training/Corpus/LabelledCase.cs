using Triage.Ml.PadUfes20;

namespace Triage.Training.Corpus;

/// <summary>A case whose diagnosis is known, from wherever it came, ready to train or evaluate on.</summary>
/// <param name="CaseId">Unique across sources: the seed's image id, or the platform's case id for reviewed cases.</param>
/// <param name="Source">Which <see cref="ILabelledCaseSource"/> gave it.</param>
/// <param name="ImageSha256">Of the photo's bytes, to find the same photo under two ids and to hash the corpus.</param>
public sealed record LabelledCase(string CaseId, string Source, string ImageSha256, PadUfes20Case Case);
