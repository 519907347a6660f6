namespace Triage.Data.Resources;

/// <summary>
/// What is left of a deleted resource: its type and id, the version its deletion would have been, and when. Its content
/// and every earlier version are gone; this row is what lets a later read answer 410 Gone rather than 404.
/// </summary>
public sealed class DeletedResource
{
    public required string ResourceType { get; set; }

    public required string ResourceId { get; set; }

    /// <summary>One more than the last version the resource had.</summary>
    public int VersionId { get; set; }

    public DateTimeOffset DeletedAt { get; set; }
}
