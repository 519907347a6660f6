namespace Triage.Data.Resources;

/// <summary>
/// One searchable value of the current version of a stored resource (a token, a reference as <c>Type/id</c>, or a date
/// as the span it stands for), written with the resource and replaced with each new version.
/// </summary>
public sealed class SearchIndexEntry
{
    public long Id { get; set; }

    public required string ResourceType { get; set; }

    public required string ResourceId { get; set; }

    /// <summary>The search parameter's name, e.g. <c>status</c>, <c>focus</c>, <c>created</c>.</summary>
    public required string Name { get; set; }

    public string? System { get; set; }

    public string? Value { get; set; }

    /// <summary>Start of a date's span (inclusive).</summary>
    public DateTimeOffset? Start { get; set; }

    /// <summary>End of a date's span (exclusive).</summary>
    public DateTimeOffset? End { get; set; }
}
