using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Domain.Cases;
using Triage.Intake.Storage;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Review.Cases;

/// <summary>Loads a flagged or reviewed case for the case view.</summary>
public sealed class CaseViewQuery(TriageDbContext db, FhirResourceStore store, CaseFeatureReader features)
{
    /// <summary>Null when there is no such case, or it was never flagged for review.</summary>
    public async Task<CaseView?> FindAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var result = await db.CaseResults.AsNoTracking().SingleOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
        if (@case is null || result is null || @case.Status is not (CaseStatus.FlaggedForReview or CaseStatus.Reviewed))
        {
            return null;
        }

        var task = @case.ReviewTaskId is { } taskId ? await store.ReadAsync<FhirTask>(taskId, cancellationToken) : null;
        var reasons = task?.Input.Select(i => (i.Value as CodeableConcept)?.Coding.FirstOrDefault()?.Display).OfType<string>().ToList() ?? [];

        var earlier = await (
            from c in db.Cases.AsNoTracking()
            where c.PatientId == @case.PatientId && c.Id != @case.Id && c.ReceivedAt <= @case.ReceivedAt
                  && (@case.LesionKey == null || c.LesionKey == @case.LesionKey)
            join r in db.CaseResults.AsNoTracking() on c.Id equals r.CaseId into results
            from r in results.DefaultIfEmpty()
            join l in db.LabelledCases.AsNoTracking() on c.Id equals l.CaseId into labels
            from l in labels.DefaultIfEmpty()
            orderby c.ReceivedAt descending
            select new EarlierCase(c.Id, c.ReceivedAt, c.Status.ToString(), r == null ? null : r.SuggestedDiagnosis,
                l == null ? null : l.Label, l == null ? null : l.Source.ToString()))
            .Take(20).ToListAsync(cancellationToken);

        var label = await db.LabelledCases.AsNoTracking().SingleOrDefaultAsync(l => l.CaseId == caseId, cancellationToken);
        var known = await features.ReadAsync(@case, cancellationToken);

        return new CaseView(@case, result, CaseView.Lines(known), reasons, task?.Status?.ToString(), earlier, label,
            HasAttentionMap: result.AttentionValues is { Length: > 0 } values && values.Length == result.AttentionHeight * result.AttentionWidth);
    }
}
