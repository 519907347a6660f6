using System.Globalization;
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using Microsoft.AspNetCore.Http;
using Triage.Intake.Fhir;

namespace Triage.Intake.Search;

/// <summary>One search parameter of a request and its values (each query occurrence is a value; every one must hold).</summary>
public sealed record SearchCriterion(SupportedSearchParameter Parameter, IReadOnlyList<string> Values);

/// <summary>
/// A type-level search as the query asks it. Parameters this server does not support are ignored and listed as warnings,
/// or refused with 400 under <c>Prefer: handling=strict</c> (as microsoft/fhir-server does).
/// </summary>
/// <param name="IteratedIncludes"><c>_include:iterate</c>: followed from included resources too, not only from matches.</param>
/// <param name="Count">Matches per page; 0 (<c>_count=0</c> or <c>_summary=count</c>) for the total only.</param>
/// <param name="Subset">The part of each resource written (<c>_summary</c> or <c>_elements</c>).</param>
/// <param name="CountsTotal">Whether the Bundle carries the total (not under <c>_total=none</c>).</param>
/// <param name="Kept">The parameters that were used, in the order given, for the self and next links.</param>
public sealed record SearchRequest(
    IReadOnlyList<SearchCriterion> Criteria,
    int Count,
    SearchSort Sort,
    SearchCursor? Cursor,
    IReadOnlyList<IncludePath> Includes,
    IReadOnlyList<IncludePath> IteratedIncludes,
    IReadOnlyList<RevIncludePath> RevIncludes,
    ResourceSubset Subset,
    bool CountsTotal,
    IReadOnlyList<OperationOutcome.IssueComponent> Warnings,
    IReadOnlyList<KeyValuePair<string, string>> Kept)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 500;
    private const string CountParameter = "_count";
    private const string IncludeParameter = "_include";
    private const string IterateIncludeParameter = "_include:iterate";
    private const string RevIncludeParameter = "_revinclude";
    private const string TotalParameter = "_total";
    private static readonly HashSet<string> Passive = [ContentNegotiation.FormatParameter, "_pretty"];

    /// <exception cref="FhirRequestException">400 for a value that is not one, and under strict handling for anything unsupported.</exception>
    public static SearchRequest Parse(HttpRequest request, string type)
    {
        var parameters = SearchCatalogue.ParametersOf(type);
        var strict = PreferHeader.IsStrict(request);
        List<SearchCriterion> criteria = [];
        List<IncludePath> included = [];
        List<IncludePath> iterated = [];
        List<RevIncludePath> revIncluded = [];
        List<string> unsupported = [];
        List<string> unsupportedElements = [];
        List<KeyValuePair<string, string>> kept = [];
        var count = DefaultCount;
        SearchCursor? cursor = null;
        var sort = SearchSort.Default(type);
        var summary = SummaryType.False;
        List<string>? elements = null;
        var countsTotal = true;
        List<OperationOutcome.IssueComponent> warnings = [];

        foreach (var (name, values) in request.Query)
        {
            var given = values.Select(v => v ?? "").ToList();
            if (name == SearchCursor.Parameter)
            {
                cursor = SearchCursor.Decode(given[^1]);
                continue;
            }

            if (name == CountParameter)
            {
                count = ParseCount(given[^1], strict, warnings);
                kept.Add(new(name, given[^1]));
                continue;
            }

            if (name == IncludeParameter)
            {
                included.AddRange(Honoured(name, given, SearchCatalogue.IncludesOf(type), i => i.Value, kept, unsupported));
                continue;
            }

            if (name == IterateIncludeParameter)
            {
                iterated.AddRange(Honoured(name, given, SearchCatalogue.AllIncludes, i => i.Value, kept, unsupported));
                continue;
            }

            if (name == RevIncludeParameter)
            {
                revIncluded.AddRange(Honoured(name, given, SearchCatalogue.RevIncludesOf(type), i => i.Value, kept, unsupported));
                continue;
            }

            if (name == SearchSort.Parameter)
            {
                sort = Honoured(name, [given[^1]], SearchSort.OptionsOf(type), s => s.Value, kept, unsupported).FirstOrDefault() ?? sort;
                continue;
            }

            if (name == ResourceSummary.Parameter)
            {
                summary = ResourceSummary.Parse(given[^1]);
                kept.Add(new(name, given[^1]));
                continue;
            }

            if (name == ResourceElements.Parameter)
            {
                var (known, unknown) = ResourceElements.Parse(given, type);
                elements ??= [];
                elements.AddRange(known.Except(elements));
                unsupportedElements.AddRange(unknown);
                continue;
            }

            if (name == TotalParameter)
            {
                countsTotal = ParseTotal(given[^1]);
                kept.Add(new(name, given[^1]));
                continue;
            }

            if (Passive.Contains(name))
            {
                kept.AddRange(given.Select(v => new KeyValuePair<string, string>(name, v)));
                continue;
            }

            if ((parameters.FirstOrDefault(p => p.Name == name) ?? PatientIdentifierChain.Resolve(name, parameters)) is not { } parameter)
            {
                unsupported.Add(name);
                continue;
            }

            if (given.Any(v => v.Length == 0))
            {
                throw FhirErrors.BadRequest($"Search parameter {name} needs a value.", name, OperationOutcome.IssueType.Invalid);
            }

            criteria.Add(new SearchCriterion(parameter, given));
            kept.AddRange(given.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        if (unsupported.Count + unsupportedElements.Count > 0)
        {
            var issues = unsupported.Select(u => FhirErrors.Issue(
                OperationOutcome.IssueType.NotSupported,
                $"The search parameter '{u}' is not supported for {type}{(strict ? "" : "; it was ignored")}.",
                u.Split('=')[0],
                strict ? OperationOutcome.IssueSeverity.Error : OperationOutcome.IssueSeverity.Warning))
                .Concat(ResourceSubset.UnknownElements(unsupportedElements, type, strict)).ToList();
            if (strict)
            {
                throw FhirErrors.BadRequest(issues);
            }

            warnings.AddRange(issues);
        }

        cursor?.EnsureFor(sort);
        if (elements is not null)
        {
            // Only names the type has go on to the next page; with none of them, id (always kept) stands for the rest.
            kept.Add(new(ResourceElements.Parameter, elements.Count > 0 ? string.Join(',', elements) : "id"));
        }

        var subset = ResourceSubset.Of(summary, elements);
        return new SearchRequest(
            criteria, summary == SummaryType.Count ? 0 : count, sort, cursor, included, iterated, revIncluded, subset, countsTotal, warnings, kept);
    }

    /// <summary>The values of <paramref name="name"/> the type honours (kept for the links); the others go to <paramref name="unsupported"/>.</summary>
    private static List<T> Honoured<T>(
        string name, IEnumerable<string> given, IReadOnlyList<T> honoured, Func<T, string> valueOf,
        List<KeyValuePair<string, string>> kept, List<string> unsupported)
    {
        List<T> chosen = [];
        foreach (var value in given)
        {
            if (honoured.FirstOrDefault(h => valueOf(h) == value) is { } match)
            {
                kept.Add(new(name, value));
                chosen.Add(match);
            }
            else
            {
                unsupported.Add($"{name}={value}");
            }
        }

        return chosen;
    }

    /// <summary><c>_total</c>: <c>none</c> leaves the total out; <c>estimate</c> and <c>accurate</c> both get the exact count.</summary>
    private static bool ParseTotal(string value) => value switch
    {
        "none" => false,
        "estimate" or "accurate" => true,
        _ => throw FhirErrors.BadRequest(
            $"{TotalParameter} must be none, estimate or accurate, not '{value}'.", TotalParameter, OperationOutcome.IssueType.Invalid),
    };

    private static int ParseCount(string value, bool strict, List<OperationOutcome.IssueComponent> warnings)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw FhirErrors.BadRequest($"{CountParameter} must be a non-negative whole number, not '{value}'.", CountParameter, OperationOutcome.IssueType.Invalid);
        }

        if (count <= MaxCount)
        {
            return count;
        }

        var message = $"{CountParameter}={count} is more than the {MaxCount} a page may hold";
        if (strict)
        {
            throw FhirErrors.BadRequest($"{message}.", CountParameter, OperationOutcome.IssueType.NotSupported);
        }

        warnings.Add(FhirErrors.Issue(OperationOutcome.IssueType.NotSupported, $"{message}; {MaxCount} were given.", CountParameter,
            OperationOutcome.IssueSeverity.Warning));
        return MaxCount;
    }
}
