using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Observations;

/// <summary>Writes a clinical feature as an Observation: the inverse of <see cref="ClinicalObservationMapper"/>.</summary>
public static class ClinicalObservationFactory
{
    /// <param name="focus">The Media of the case the feature belongs to, if any.</param>
    /// <exception cref="InvalidFeatureValueException">The key is not a feature or the value is not allowed.</exception>
    public static Observation Create(string featureKey, FeatureValue value, ResourceReference subject, ResourceReference? focus = null)
    {
        var code = FeatureCodes.Get(featureKey);
        if (code.Feature.Check(value) is { } problem)
        {
            throw new InvalidFeatureValueException(featureKey, problem);
        }

        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(TriageTerminology.ObservationCategorySystem, code.Category)],
            Code = new CodeableConcept
            {
                Coding = code.Alternative is { } standard ? [code.ProjectCoding, standard] : [code.ProjectCoding],
                Text = code.Feature.Display,
            },
            Subject = subject,
            Focus = focus is null ? [] : [focus],
        };

        if (value.IsUnknown)
        {
            observation.DataAbsentReason = new CodeableConcept(TriageTerminology.DataAbsentReasonSystem, TriageTerminology.DataAbsentUnknown);
        }
        else
        {
            observation.Value = ToValue(code.Feature, value);
        }

        return observation;
    }

    private static DataType ToValue(ClinicalFeature feature, FeatureValue value) => feature.Kind switch
    {
        FeatureKind.Boolean => new FhirBoolean(value.Boolean),
        FeatureKind.Category => new CodeableConcept(TriageTerminology.PadUfes20System, value.Category),
        FeatureKind.Integer when feature.Unit is null => new Integer((int)value.Number!.Value),
        _ => new Quantity
        {
            Value = (decimal)value.Number!.Value,
            Unit = feature.Unit,
            System = TriageTerminology.Ucum,
            Code = feature.Unit,
        },
    };
}
