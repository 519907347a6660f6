using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Errors;
using Triage.Fhir.Terminology;
using IssueComponent = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Observations;

/// <summary>Reads an Observation's value as a feature value of the right kind, checked against the catalogue.</summary>
internal static class ObservationValues
{
    public static FeatureValue? Read(ClinicalFeature feature, Observation observation, string path, List<IssueComponent> issues)
    {
        if (observation.DataAbsentReason is not null)
        {
            if (observation.Value is null)
            {
                return FeatureValue.Unknown;
            }

            issues.Add(FhirErrors.Issue(IssueType.Invariant,
                "An Observation with a dataAbsentReason must not have a value (obs-6).", $"{path}.dataAbsentReason"));
            return null;
        }

        var valuePath = $"{path}.value";
        var value = (feature.Kind, observation.Value) switch
        {
            (_, null) => Problem(issues, IssueType.Required, $"{feature.Key} needs a value or a dataAbsentReason.", valuePath),
            (FeatureKind.Boolean, FhirBoolean { Value: { } flag }) => FeatureValue.Of(flag),
            (FeatureKind.Integer, Integer { Value: { } number }) => FeatureValue.Of(number),
            (FeatureKind.Integer or FeatureKind.Decimal, Quantity quantity) => QuantityValues.Read(feature, quantity, valuePath, issues),
            (FeatureKind.Category, CodeableConcept concept) => ReadCategory(feature, concept, valuePath, issues),
            (_, var other) => Problem(issues, IssueType.Value,
                $"{feature.Key} expects {Expected(feature.Kind)}, not value{other.TypeName[0..1].ToUpperInvariant()}{other.TypeName[1..]}.", valuePath),
        };

        if (value is { } read && feature.Check(read) is { } problem)
        {
            return Problem(issues, IssueType.Value, problem, valuePath);
        }

        return value;
    }

    internal static FeatureValue? Problem(List<IssueComponent> issues, IssueType code, string message, string expression)
    {
        issues.Add(FhirErrors.Issue(code, message, expression));
        return null;
    }

    private static FeatureValue? ReadCategory(ClinicalFeature feature, CodeableConcept concept, string path, List<IssueComponent> issues)
    {
        var codes = (concept.Coding ?? [])
            .Where(c => c.System == TriageTerminology.PadUfes20System && !string.IsNullOrEmpty(c.Code))
            .Select(c => c.Code!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return codes.Count switch
        {
            1 => FeatureValue.OfCategory(codes[0]),
            0 => Problem(issues, IssueType.CodeInvalid,
                $"{feature.Key} must be coded in {TriageTerminology.PadUfes20System} (one of {string.Join(", ", feature.AllowedCategories)}).", path),
            _ => Problem(issues, IssueType.Value, $"{feature.Key} has several values: {string.Join(", ", codes)}.", path),
        };
    }

    private static string Expected(FeatureKind kind) => kind switch
    {
        FeatureKind.Boolean => "valueBoolean",
        FeatureKind.Integer => "valueQuantity or valueInteger",
        FeatureKind.Decimal => "valueQuantity",
        _ => "valueCodeableConcept",
    };
}
