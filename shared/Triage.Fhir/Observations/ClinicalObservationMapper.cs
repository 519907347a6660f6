using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Errors;
using Triage.Fhir.Terminology;
using IssueComponent = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Observations;

/// <summary>Reads clinical features from Observations; refuses what it cannot read with 422.</summary>
public static class ClinicalObservationMapper
{
    private static readonly ObservationStatus[] AcceptedStatuses =
        [ObservationStatus.Final, ObservationStatus.Amended, ObservationStatus.Corrected, ObservationStatus.Preliminary];

    /// <param name="path">Where the Observation is, for issue expressions: <c>Observation</c> or <c>Bundle.entry[3].resource</c>.</param>
    /// <exception cref="FhirRequestException">422 with every problem found.</exception>
    public static ObservedFeature Map(Observation observation, string path = "Observation")
    {
        var issues = new List<IssueComponent>();
        return TryMap(observation, path, issues) ?? throw FhirErrors.Unprocessable(issues);
    }

    /// <summary>The features of several Observations (each with its path); a feature may be observed once.</summary>
    /// <exception cref="FhirRequestException">422 with the problems of every Observation.</exception>
    public static ClinicalFeatureSet ToFeatureSet(IEnumerable<(Observation Observation, string Path)> observations)
    {
        var issues = new List<IssueComponent>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var features = ClinicalFeatureSet.Empty;
        foreach (var (observation, path) in observations)
        {
            if (TryMap(observation, path, issues) is not { } observed)
            {
                continue;
            }

            if (seen.TryGetValue(observed.Key, out var first))
            {
                issues.Add(FhirErrors.Issue(IssueType.Duplicate, $"{observed.Key} is already observed at {first}.", $"{path}.code"));
                continue;
            }

            seen[observed.Key] = path;
            features = features.With(observed.Key, observed.Value);
        }

        return issues.Count == 0 ? features : throw FhirErrors.Unprocessable(issues);
    }

    private static ObservedFeature? TryMap(Observation observation, string path, List<IssueComponent> issues)
    {
        var before = issues.Count;
        if (observation.Status is not { } status || !AcceptedStatuses.Contains(status))
        {
            issues.Add(FhirErrors.Issue(IssueType.Value,
                $"Observation status must be final, amended, corrected or preliminary; got '{observation.Status?.GetLiteral() ?? "none"}'.",
                $"{path}.status"));
        }

        var code = FindFeature(observation.Code, $"{path}.code", issues);
        if (code is null || issues.Count > before)
        {
            return null;
        }

        var value = ObservationValues.Read(code.Feature, observation, path, issues);
        return value is { } known ? new ObservedFeature(code.Key, known) : null;
    }

    private static FeatureCode? FindFeature(CodeableConcept? concept, string path, List<IssueComponent> issues)
    {
        var named = (concept?.Coding ?? []).Select(FeatureCodes.Find).OfType<FeatureCode>().Distinct().ToList();
        if (named.Count == 1)
        {
            return named[0];
        }

        issues.Add(FhirErrors.Issue(IssueType.CodeInvalid, named.Count == 0
            ? $"Observation.code names no clinical feature; code it in {TriageTerminology.ClinicalFeatureSystem} (or LOINC {TriageTerminology.LoincAge} for age)."
            : $"Observation.code names several clinical features: {string.Join(", ", named.Select(c => c.Key))}.",
            path));
        return null;
    }
}
