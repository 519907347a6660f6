using Hl7.Fhir.Model;

namespace Triage.Intake.Search;

/// <summary>An <c>_include</c> a search honours: <c>{SourceType}:{Name}</c>, and the references it follows.</summary>
public sealed record IncludePath(string SourceType, string Name, Func<Resource, IEnumerable<ResourceReference?>> References)
{
    public string Value => $"{SourceType}:{Name}";
}
