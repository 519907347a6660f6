using Hl7.Fhir.Model;
using Triage.Data;
using Triage.Data.Resources;

namespace Triage.Intake.Search;

/// <summary>
/// Turns each search criterion into a filter on the stored rows. Values separated by commas are alternatives (any one
/// matches); a parameter repeated in the query must match every time.
/// </summary>
internal sealed class SearchCriteria(TriageDbContext db, string type)
{
    public IQueryable<FhirResourceRecord> Apply(IQueryable<FhirResourceRecord> query, SearchCriterion criterion)
    {
        var parameter = criterion.Parameter;
        foreach (var value in criterion.Values)
        {
            query = parameter.Kind switch
            {
                SearchKind.Patient => WithPatient(query, References(parameter, value).Select(r => r.Split('/')[1]).ToList()),
                SearchKind.Id => WithId(query, Alternatives(value)),
                SearchKind.LastUpdated => LastUpdatedWithin(query, DateRange.Parse(parameter.Name, value)),
                SearchKind.Identifier => WithIdentifier(query, TokenSearch.Parse(Alternatives(value))),
                SearchKind.PatientIdentifier => WithPatientIdentifier(query, TokenSearch.Parse(Alternatives(value))),
                SearchKind.Token => WithToken(query, parameter.Name, TokenSearch.Parse(Alternatives(value))),
                SearchKind.Reference => WithReference(query, parameter.Name, References(parameter, value)),
                SearchKind.Date => WithDate(query, parameter.Name, DateRange.Parse(parameter.Name, value)),
                _ => throw new InvalidOperationException($"No filter for {parameter.Kind}."),
            };
        }

        return query;
    }

    private static List<string> Alternatives(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } values
            ? [.. values]
            : throw FhirErrors.BadRequest($"'{value}' names nothing to search for.", null, OperationOutcome.IssueType.Invalid);

    /// <summary>Each alternative as <c>Type/id</c>: a bare id is taken as the parameter's target type where it has one.</summary>
    private static List<string> References(Fhir.SupportedSearchParameter parameter, string value) =>
        [.. Alternatives(value).Select(v => SearchIndexer.Normalise(v) is { } reference && v.Count(c => c == '/') == 1
                && (parameter.TargetType is null || reference.StartsWith($"{parameter.TargetType}/", StringComparison.Ordinal))
            ? reference
            : parameter.TargetType is { } target && !v.Contains('/')
                ? $"{target}/{v}"
                : throw FhirErrors.BadRequest(
                    $"Search parameter {parameter.Name} takes {(parameter.TargetType is { } t ? $"{t}/id or id" : "Type/id")}, not '{v}'.",
                    parameter.Name, OperationOutcome.IssueType.Invalid))];

    private static IQueryable<FhirResourceRecord> WithPatient(IQueryable<FhirResourceRecord> query, List<string> ids) =>
        query.Where(r => r.PatientId != null && ids.Contains(r.PatientId));

    private static IQueryable<FhirResourceRecord> WithId(IQueryable<FhirResourceRecord> query, List<string> ids) =>
        query.Where(r => ids.Contains(r.ResourceId));

    private IQueryable<FhirResourceRecord> WithIdentifier(IQueryable<FhirResourceRecord> query, TokenSearch token) =>
        query.Where(r => db.ResourceIdentifiers.Any(i => i.ResourceType == type && i.ResourceId == r.ResourceId
            && (token.SystemAndCode.Contains(i.System + "|" + i.Value) || token.Codes.Contains(i.Value) || token.Systems.Contains(i.System))));

    /// <summary>Through the Patient's unique identifier rows, the ones conditional create keeps.</summary>
    private IQueryable<FhirResourceRecord> WithPatientIdentifier(IQueryable<FhirResourceRecord> query, TokenSearch token) =>
        query.Where(r => r.PatientId != null && db.ResourceIdentifiers.Any(i => i.ResourceType == "Patient" && i.ResourceId == r.PatientId
            && (token.SystemAndCode.Contains(i.System + "|" + i.Value) || token.Codes.Contains(i.Value) || token.Systems.Contains(i.System))));

    private IQueryable<FhirResourceRecord> WithToken(IQueryable<FhirResourceRecord> query, string name, TokenSearch token) =>
        query.Where(r => db.SearchIndex.Any(s => s.ResourceType == type && s.ResourceId == r.ResourceId && s.Name == name
            && (token.SystemAndCode.Contains(s.System + "|" + s.Value) || token.Codes.Contains(s.Value!) || token.Systems.Contains(s.System!))));

    private IQueryable<FhirResourceRecord> WithReference(IQueryable<FhirResourceRecord> query, string name, List<string> references) =>
        query.Where(r => db.SearchIndex.Any(s => s.ResourceType == type && s.ResourceId == r.ResourceId && s.Name == name
            && references.Contains(s.Value!)));

    private static IQueryable<FhirResourceRecord> LastUpdatedWithin(IQueryable<FhirResourceRecord> query, DateRange range)
    {
        var (start, end) = (range.Start, range.End);
        return range.Comparator switch
        {
            "ne" => query.Where(r => r.LastUpdated < start || r.LastUpdated >= end),
            "gt" or "sa" => query.Where(r => r.LastUpdated >= end),
            "lt" or "eb" => query.Where(r => r.LastUpdated < start),
            "ge" => query.Where(r => r.LastUpdated >= start),
            "le" => query.Where(r => r.LastUpdated < end),
            _ => query.Where(r => r.LastUpdated >= start && r.LastUpdated < end),
        };
    }

    /// <summary>A stored date is the span [Start, End) its precision names; comparisons follow FHIR R4 3.1.1.4.2.</summary>
    private IQueryable<FhirResourceRecord> WithDate(IQueryable<FhirResourceRecord> query, string name, DateRange range)
    {
        var (start, end) = (range.Start, range.End);
        var dates = db.SearchIndex.Where(s => s.ResourceType == type && s.Name == name);
        dates = range.Comparator switch
        {
            "ne" => dates.Where(s => s.Start < start || s.End > end),
            "gt" => dates.Where(s => s.End > end),
            "lt" => dates.Where(s => s.Start < start),
            "ge" => dates.Where(s => s.End > start),
            "le" => dates.Where(s => s.Start < end),
            "sa" => dates.Where(s => s.Start >= end),
            "eb" => dates.Where(s => s.End <= start),
            _ => dates.Where(s => s.Start >= start && s.End <= end),
        };
        return query.Where(r => dates.Any(s => s.ResourceId == r.ResourceId));
    }
}
