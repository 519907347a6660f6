using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Domain.Labels;
using Triage.Ml.PadUfes20;
using Triage.Training.Pipeline;

namespace Triage.Training.Corpus;

/// <summary>
/// Cases dermatologists labelled in review (or a biopsy relabelled): the stored photo, the features the case was
/// classified with, and the label that stands. Training reads photos from files, so each photo is written once to
/// <c>ArtefactFolder/reviewed-photos/SHA256.ext</c>.
/// </summary>
public sealed class ReviewedCaseSource(IServiceScopeFactory scopes, IOptions<PipelineOptions> pipeline, IHostEnvironment environment) : ILabelledCaseSource
{
    public string Name => "review";

    public async Task<IReadOnlyList<LabelledCase>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var rows = await db.LabelledCases.AsNoTracking()
            .Join(db.Images.AsNoTracking(), label => label.ImageId, image => image.Id, (label, image) => new { Label = label, Image = image })
            .OrderBy(row => row.Label.LabelledAt)
            .ToListAsync(cancellationToken);

        var folder = Directory.CreateDirectory(Path.Combine(Path.GetFullPath(pipeline.Value.ArtefactFolder, environment.ContentRootPath), "reviewed-photos")).FullName;
        var cases = new List<LabelledCase>(rows.Count);
        foreach (var row in rows)
        {
            if (!Diagnoses.TryParse(row.Label.Label, out var diagnosis))
            {
                continue;
            }

            var path = Path.Combine(folder, row.Image.Sha256 + (row.Image.ContentType == "image/jpeg" ? ".jpg" : ".png"));
            if (!File.Exists(path))
            {
                await File.WriteAllBytesAsync(path, row.Image.Content, cancellationToken);
            }

            var caseId = row.Label.CaseId.ToString();
            cases.Add(new LabelledCase(caseId, Name, row.Image.Sha256, new PadUfes20Case(
                row.Label.PatientId, caseId, caseId, path, diagnosis, ClinicalFeatureJson.FromJson(row.Label.Features), row.Label.Source == LabelSource.Biopsy)));
        }

        return cases;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TriageDbContext>().LabelledCases.CountAsync(cancellationToken);
    }
}
