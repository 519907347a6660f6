namespace Triage.Data.Resources;

/// <summary>One version of a stored FHIR resource, kept as JSON with the columns searches need.</summary>
public sealed class FhirResourceRecord
{
    public required string ResourceType { get; set; }

    public required string ResourceId { get; set; }

    public int VersionId { get; set; }

    /// <summary>True for the latest version only.</summary>
    public bool IsCurrent { get; set; }

    public DateTimeOffset LastUpdated { get; set; }

    /// <summary>The patient the resource is about (the id of <c>Patient/{id}</c>), for compartment searches.</summary>
    public string? PatientId { get; set; }

    public required string Json { get; set; }
}
