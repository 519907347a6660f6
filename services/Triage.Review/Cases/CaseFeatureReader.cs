using Hl7.Fhir.Model;
using Triage.Data.Cases;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Observations;
using Triage.Intake.Storage;

namespace Triage.Review.Cases;

/// <summary>The clinical features a case was classified with: its Observations (later wins), gender from the Patient when not observed.</summary>
public sealed class CaseFeatureReader(FhirResourceStore store)
{
    public async Task<ClinicalFeatureSet> ReadAsync(TriageCase @case, CancellationToken cancellationToken)
    {
        var features = ClinicalFeatureSet.Empty;
        foreach (var id in @case.ObservationIds)
        {
            if (await store.ReadAsync<Observation>(id, cancellationToken) is { } observation)
            {
                var finding = ClinicalObservationMapper.Map(observation);
                features = features.With(finding.Key, finding.Value);
            }
        }

        if (features[ClinicalFeatureCatalogue.Gender].IsUnknown && await store.ReadAsync<Patient>(@case.PatientId, cancellationToken) is { } patient)
        {
            features = features.With(ClinicalFeatureCatalogue.Gender, PatientGender.ToFeature(patient));
        }

        return features;
    }
}
