namespace Triage.Contracts;

/// <summary>
/// A reviewed case became training data, or its label changed (a biopsy result overrode a dermatologist's diagnosis).
/// Claim check: the message names the labelled case and the stored image; features and bytes stay in the database.
/// </summary>
/// <param name="Label">The PAD-UFES-20 code that now stands for the case.</param>
/// <param name="Source"><c>Dermatologist</c> or <c>Biopsy</c>.</param>
/// <param name="LabelledBy">The reviewer's sign-in name.</param>
public sealed record CaseLabelled(
    Guid CaseId,
    Guid LabelledCaseId,
    Guid ImageId,
    string Label,
    string Source,
    string LabelledBy,
    DateTimeOffset LabelledAt);
