using Triage.Domain.ClinicalFeatures;

namespace Triage.Fhir.Observations;

/// <summary>What one Observation says: the clinical feature (its catalogue key) and its value.</summary>
public sealed record ObservedFeature(string Key, FeatureValue Value);
