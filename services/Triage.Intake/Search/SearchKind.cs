namespace Triage.Intake.Search;

/// <summary>Where a search parameter's values are looked up.</summary>
public enum SearchKind
{
    /// <summary>The patient compartment column of the stored resource.</summary>
    Patient,

    /// <summary>The resource id (<c>_id</c>).</summary>
    Id,

    /// <summary>The current version's <c>meta.lastUpdated</c>.</summary>
    LastUpdated,

    /// <summary>The unique business identifiers (system|value) of Patient, Media and Device.</summary>
    Identifier,

    /// <summary>The unique identifiers of the patient the resource is about (a chain, e.g. <c>patient.identifier</c>).</summary>
    PatientIdentifier,

    /// <summary>A code in the search index.</summary>
    Token,

    /// <summary>A <c>Type/id</c> reference in the search index.</summary>
    Reference,

    /// <summary>A date span in the search index.</summary>
    Date,

    /// <summary>The canonical URL of a conformance resource built into the server (not stored, not indexed).</summary>
    Canonical,
}
