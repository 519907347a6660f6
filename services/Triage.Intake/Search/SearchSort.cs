using Hl7.Fhir.Model;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>
/// The order of a search: one date key (<c>_lastUpdated</c> or a date parameter of the type), ascending, or descending
/// when written with a leading <c>-</c>; then the id in the same direction, so that the order is total and pages can
/// resume after a cursor.
/// </summary>
public sealed record SearchSort(SupportedSearchParameter Key, bool Descending)
{
    public const string Parameter = "_sort";

    /// <summary>Newest stored first: the order when <c>_sort</c> is not given.</summary>
    public static SearchSort Default(string type) =>
        new(SearchCatalogue.ParametersOf(type).Single(p => p.Kind == SearchKind.LastUpdated), Descending: true);

    /// <summary>As written in <c>_sort</c> and in a cursor, e.g. <c>-created</c>.</summary>
    public string Value => $"{(Descending ? "-" : "")}{Key.Name}";

    /// <summary>Every order the type can be searched in: each sort key ascending and descending.</summary>
    public static IReadOnlyList<SearchSort> OptionsOf(string type) =>
        [.. SearchCatalogue.SortKeysOf(type).SelectMany(key => new[] { new SearchSort(key, Descending: false), new SearchSort(key, Descending: true) })];
}
