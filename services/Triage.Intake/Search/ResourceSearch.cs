namespace Triage.Intake.Search;

/// <summary>What a type-level search asks of the stored resources: every criterion given must hold.</summary>
/// <param name="PatientId">Only resources about this patient.</param>
/// <param name="Ids">Only resources with one of these ids (<c>_id</c>); null for any.</param>
/// <param name="LastUpdated">Each must hold for the current version's <c>meta.lastUpdated</c>.</param>
public sealed record ResourceSearch(string? PatientId, IReadOnlyList<string>? Ids, IReadOnlyList<LastUpdatedRange> LastUpdated);
