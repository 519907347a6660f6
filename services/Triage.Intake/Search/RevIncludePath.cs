namespace Triage.Intake.Search;

/// <summary>
/// A <c>_revinclude</c> a search of <paramref name="TargetType"/> honours: <c>{SourceType}:{Name}</c>, the resources of
/// <paramref name="SourceType"/> whose reference parameter <paramref name="Name"/> names a match.
/// </summary>
/// <param name="ThroughPatient">
/// True when the reference is the resource's patient, looked up in its patient column; otherwise it is looked up in the
/// search index rows of <paramref name="Name"/>.
/// </param>
public sealed record RevIncludePath(string TargetType, string SourceType, string Name, bool ThroughPatient = false)
{
    public string Value => $"{SourceType}:{Name}";
}
