using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir;
using Triage.Intake.Storage;

namespace Triage.Intake.Observations;

/// <summary>
/// Gathers the clinical features of a photo's case: Observations of the same patient that arrived
/// with it or within <see cref="IntakeOptions.FeatureWindow"/> before it (and, for a case that waited, since), unless
/// they are about another photo (<c>focus</c> or <c>derivedFrom</c>). Later values win; gender falls back to Patient.gender.
/// </summary>
public sealed class CaseFeatureCollector(FhirResourceStore store, IOptions<IntakeOptions> options, TimeProvider clock)
{
    /// <param name="photoReceivedAt">When the photo of a case that waited arrived; null for a photo arriving now.</param>
    public async Task<CaseFeatures> CollectAsync(
        Media media,
        string patientId,
        IReadOnlyList<Observation> inRequest,
        Patient? patient,
        DateTimeOffset? photoReceivedAt,
        CancellationToken cancellationToken)
    {
        var since = (photoReceivedAt ?? clock.GetUtcNow()) - options.Value.FeatureWindow;
        var stored = await store.ForPatientAsync<Observation>(patientId, since, cancellationToken);
        var requestIds = inRequest.Select(o => o.Id).ToHashSet();
        var candidates = stored.Reverse().Where(o => !requestIds.Contains(o.Id))
            .Concat(inRequest.Where(o => PatientIdOf(o.Subject) == patientId))
            .Where(o => TargetMediaId(o) is null || TargetMediaId(o) == media.Id);

        var features = ClinicalFeatureSet.Empty;
        var used = new List<string>();
        foreach (var observation in candidates)
        {
            var finding = ClinicalObservationMapper.Map(observation);
            features = features.With(finding.Key, finding.Value);
            used.Add(observation.Id!);
        }

        patient ??= await store.ReadAsync<Patient>(patientId, cancellationToken);
        if (features[ClinicalFeatureCatalogue.Gender].IsUnknown && patient is not null)
        {
            features = features.With(ClinicalFeatureCatalogue.Gender, PatientGender.ToFeature(patient));
        }

        return new CaseFeatures(features, used);
    }

    public static string? PatientIdOf(ResourceReference? reference) =>
        reference?.Reference is { } r && r.StartsWith("Patient/", StringComparison.Ordinal) ? r["Patient/".Length..] : null;

    private static string? TargetMediaId(Observation observation) =>
        observation.Focus.Concat(observation.DerivedFrom)
            .Select(r => r.Reference)
            .FirstOrDefault(r => r?.StartsWith("Media/", StringComparison.Ordinal) == true)?["Media/".Length..];
}

public sealed record CaseFeatures(ClinicalFeatureSet Features, IReadOnlyList<string> ObservationIds);
