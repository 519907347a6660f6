namespace Triage.Training.Registry;

/// <summary>The audit row of one alias move: which alias, from and to which version, who or what moved it, when and why.</summary>
public sealed class AliasMove
{
    public long Id { get; set; }

    public required string Alias { get; set; }

    public int? FromVersionId { get; set; }

    public int ToVersionId { get; set; }

    /// <summary>A user, or the job that moved it.</summary>
    public required string MovedBy { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset MovedAt { get; set; }
}
