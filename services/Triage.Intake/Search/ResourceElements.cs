using Hl7.Fhir.Model;

namespace Triage.Intake.Search;

/// <summary>
/// <c>_elements</c> (FHIR R4 3.1.1.5.9): the top-level elements each resource is written with. Besides the names asked
/// for, a resource keeps its id, its meta (which carries the <c>SUBSETTED</c> tag) and its mandatory elements (kept by
/// Firely's element filter), as R4 says a server should.
/// </summary>
public static class ResourceElements
{
    public const string Parameter = "_elements";
    private static readonly string[] AlwaysKept = ["id", "meta"];

    /// <summary>
    /// The element names of the values (comma-separated, across occurrences) split into those the type has and those it
    /// has not; a choice element is named without its type (<c>value</c>, not <c>valueQuantity</c>).
    /// </summary>
    /// <exception cref="FhirRequestException">400 when no name is given.</exception>
    public static (IReadOnlyList<string> Known, IReadOnlyList<string> Unknown) Parse(IEnumerable<string> values, string type)
    {
        var names = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        if (names.Count == 0)
        {
            throw FhirErrors.BadRequest($"{Parameter} needs at least one element name.", Parameter, OperationOutcome.IssueType.Invalid);
        }

        var elements = ElementsOf(type);
        return ([.. names.Where(elements.Contains)], [.. names.Where(n => !elements.Contains(n))]);
    }

    /// <summary>The names given plus what every subset keeps.</summary>
    public static string[] Kept(IReadOnlyList<string> names) => [.. AlwaysKept.Union(names)];

    private static HashSet<string> ElementsOf(string type) =>
        ModelInfo.ModelInspector.FindClassMapping(type) is { } mapping
            ? [.. mapping.PropertyMappings.Select(p => p.Name)]
            : [];
}
