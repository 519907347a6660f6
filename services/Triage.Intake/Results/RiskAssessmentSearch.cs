using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Triage.Fhir;
using Triage.Intake.Fhir;
using Triage.Intake.Search;
using Triage.Intake.Storage;

namespace Triage.Intake.Results;

/// <summary><c>GET /fhir/RiskAssessment?subject=Patient/{id}</c> (or <c>patient={id}</c>), <c>_id</c> and <c>_lastUpdated</c>, newest first.</summary>
public static class RiskAssessmentSearch
{
    private const int DefaultCount = 50;
    private const int MaxCount = 500;

    public static IReadOnlyList<SupportedSearchParameter> Parameters { get; } =
    [
        new("subject", SearchParamType.Reference, "http://hl7.org/fhir/SearchParameter/RiskAssessment-subject", "The patient assessed: Patient/{id} or {id}."),
        new("patient", SearchParamType.Reference, "http://hl7.org/fhir/SearchParameter/clinical-patient", "The patient assessed: Patient/{id} or {id}."),
        new("_id", SearchParamType.Token, "http://hl7.org/fhir/SearchParameter/Resource-id", "One id, or several separated by commas."),
        new(LastUpdatedRange.Name, SearchParamType.Date, "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
            "When the assessment was written: a date with eq, ne, gt, lt, ge, le, sa or eb; repeat it for a range."),
    ];

    public static async Task<IResult> SearchAsync(HttpRequest request, FhirResourceStore store, CancellationToken cancellationToken)
    {
        var patientId = PatientParameter(request.Query["subject"].FirstOrDefault(), "subject")
            ?? PatientParameter(request.Query["patient"].FirstOrDefault(), "patient");
        var count = CountParameter(request.Query["_count"].FirstOrDefault());
        var search = new ResourceSearch(
            patientId,
            IdParameter(request.Query["_id"]),
            [.. request.Query[LastUpdatedRange.Name].Select(value => LastUpdatedRange.Parse(value ?? ""))]);
        var (total, page) = await store.SearchAsync<RiskAssessment>(search, count, cancellationToken);

        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = total };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}" });
        bundle.Entry.AddRange(page.Select(r => new Bundle.EntryComponent
        {
            FullUrl = $"{request.Scheme}://{request.Host}/fhir/RiskAssessment/{r.Id}",
            Resource = r,
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        }));
        return FhirResults.Resource(bundle);
    }

    private static string? PatientParameter(string? value, string name) => value switch
    {
        null => null,
        _ when value.StartsWith("Patient/", StringComparison.Ordinal) && value.Length > 8 => value[8..],
        _ when !value.Contains('/') && value.Length > 0 => value,
        _ => throw FhirErrors.BadRequest($"Search parameter {name} must be Patient/id or id.", name, OperationOutcome.IssueType.Invalid),
    };

    private static IReadOnlyList<string>? IdParameter(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0
            ? null
            : values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList() is { Count: > 0 } ids
                ? ids
                : throw FhirErrors.BadRequest("_id must name at least one id.", "_id", OperationOutcome.IssueType.Invalid);

    private static int CountParameter(string? value) => value switch
    {
        null => DefaultCount,
        _ when int.TryParse(value, out var count) && count >= 0 => Math.Min(count, MaxCount),
        _ => throw FhirErrors.BadRequest("_count must be a non-negative whole number.", "_count", OperationOutcome.IssueType.Invalid),
    };
}
