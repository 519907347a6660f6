using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Terminology;
using IssueComponent = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Observations;

/// <summary>Reads a Quantity in the feature's UCUM unit (age in <c>a</c>, diameters in <c>mm</c> or <c>cm</c>).</summary>
internal static class QuantityValues
{
    public static FeatureValue? Read(ClinicalFeature feature, Quantity quantity, string path, List<IssueComponent> issues)
    {
        if (quantity.Value is not { } number)
        {
            return ObservationValues.Problem(issues, IssueType.Required, $"{feature.Key} needs a number.", $"{path}.value");
        }

        if (quantity.Comparator is not null)
        {
            return ObservationValues.Problem(issues, IssueType.Value, $"{feature.Key} must be an exact value, without a comparator.", $"{path}.comparator");
        }

        if (quantity.System is { } system && system != TriageTerminology.Ucum)
        {
            return ObservationValues.Problem(issues, IssueType.Value, $"Units must be UCUM ({TriageTerminology.Ucum}); got {system}.", $"{path}.system");
        }

        var unit = quantity.Code ?? quantity.Unit;
        if (Factor(feature.Unit, unit) is not { } factor)
        {
            return ObservationValues.Problem(issues, IssueType.Value,
                $"{feature.Key} must be in UCUM unit {ExpectedUnits(feature.Unit)}; got '{unit ?? "(none)"}'.", $"{path}.code");
        }

        return FeatureValue.Of((double)(number * factor));
    }

    private static decimal? Factor(string? expected, string? unit) => (expected, unit) switch
    {
        (null, null or "1") => 1m,
        ("mm", "mm") => 1m,
        ("mm", "cm") => 10m,
        var (e, u) when e is not null && e == u => 1m,
        _ => null,
    };

    private static string ExpectedUnits(string? expected) => expected switch
    {
        null => "'1' (or none)",
        "mm" => "'mm' or 'cm'",
        _ => $"'{expected}'",
    };
}
