namespace Triage.Data.Resources;

/// <summary>
/// A business identifier (system + value) of a Patient or Media, unique per resource type: the
/// database, not a search before insert, guarantees that an EHR's record exists once however many
/// times or how concurrently it is posted.
/// </summary>
public sealed class ResourceIdentifier
{
    public required string ResourceType { get; set; }

    public required string System { get; set; }

    public required string Value { get; set; }

    public required string ResourceId { get; set; }
}
