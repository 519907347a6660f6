using Microsoft.EntityFrameworkCore;
using Triage.Contracts;
using Triage.Data;
using Triage.Data.Outbox;
using Triage.Data.Cases;
using Triage.Data.Labels;
using Triage.Domain.Diagnoses;
using Triage.Domain.Labels;

namespace Triage.Review.Decisions;

/// <summary>Adds or updates the one labelled case of a case, as <see cref="LabelPrecedence"/> decides.</summary>
public static class LabelledCases
{
    /// <summary>
    /// The row as it stands after <paramref name="incoming"/> (added or changed in the unit of work, with a
    /// <see cref="CaseLabelled"/> in the outbox), unchanged when the standing label wins.
    /// </summary>
    public static async Task<LabelledCase> StoreAsync(
        TriageDbContext db, TriageCase @case, CaseLabel incoming, string labelledBy, string observationId, string featuresJson, CancellationToken cancellationToken)
    {
        var row = await db.LabelledCases.SingleOrDefaultAsync(l => l.CaseId == @case.Id, cancellationToken);
        CaseLabel? current = row is not null && Diagnoses.TryParse(row.Label, out var standing)
            ? new CaseLabel(standing, row.Source, row.LabelledAt)
            : null;
        if (row is not null && !LabelPrecedence.Replaces(incoming, current))
        {
            return row;
        }

        if (row is null)
        {
            row = new LabelledCase
            {
                Id = Guid.NewGuid(),
                CaseId = @case.Id,
                ImageId = @case.ImageId,
                PatientId = @case.PatientId,
                Features = featuresJson,
                Label = incoming.Diagnosis.Code(),
                LabelledBy = labelledBy,
                ObservationId = observationId,
            };
            db.LabelledCases.Add(row);
        }

        row.Label = incoming.Diagnosis.Code();
        row.Source = incoming.Source;
        row.LabelledBy = labelledBy;
        row.LabelledAt = incoming.At;
        row.ObservationId = observationId;
        db.AddToOutbox(new CaseLabelled(row.CaseId, row.Id, row.ImageId, row.Label, row.Source.ToString(), row.LabelledBy, row.LabelledAt), incoming.At);
        return row;
    }
}
