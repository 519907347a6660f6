namespace Triage.Domain.Promotion;

/// <summary>What the promotion gates compare, measured on the frozen evaluation set.</summary>
/// <param name="WeightedF1">Weighted F1 over the six diagnoses, 0 to 1.</param>
/// <param name="CancerSensitivity">Share of cancers (BCC, MEL, SCC) classified as a cancer; null when the set holds none.</param>
/// <param name="ExpectedCalibrationError">ECE of the calibrated probabilities, 0 to 1.</param>
public sealed record ModelScores(double WeightedF1, double? CancerSensitivity, double ExpectedCalibrationError);
