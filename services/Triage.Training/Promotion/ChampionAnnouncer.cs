using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Data;
using Triage.Data.Outbox;
using Triage.Inference;
using Triage.Training.Pipeline;
using Triage.Training.Registry;

namespace Triage.Training.Promotion;

/// <summary>
/// Tells every inference instance to serve a student version (the bus carries its path, never its bytes). The
/// pipeline trains and promotes students; the teacher the deployment escalates to (<c>Inference:TeacherModelPath</c>,
/// with <c>Inference:Escalation</c>) stays in the promotion, so a new student never silently ends the cascade.
/// </summary>
public sealed class ChampionAnnouncer(
    TriageDbContext db, OutboxSignal outboxSignal, OnnxCaseClassifier classifier, ChampionSettingsFile settingsFile,
    IOptions<InferenceOptions> inference, IHostEnvironment environment, TimeProvider clock)
{
    /// <summary>
    /// Commits <see cref="ModelPromoted"/> to the platform's outbox, whose relay publishes it (again, after a broker
    /// outage: the announcement is not lost), then writes it to <see cref="ChampionSettingsFile"/> for the next start.
    /// </summary>
    public async Task AnnounceAsync(ModelVersion champion, string promotedBy, string reason, CancellationToken cancellationToken)
    {
        var (teacherPath, teacherVersion, thresholds) = ServingTeacher();
        var now = clock.GetUtcNow();
        var promotion = new ModelPromoted(champion.ArtefactPath, champion.Version, teacherPath, teacherVersion, thresholds, promotedBy, reason, now);
        db.AddToOutbox(promotion, now);
        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Notify();
        await settingsFile.WriteAsync(promotion, cancellationToken);
    }

    private (string? Path, string? Version, EscalationThresholdValues? Thresholds) ServingTeacher()
    {
        var options = inference.Value;
        if (!options.HasTeacher || options.Escalation is not { } escalation || escalation.Missing().Any())
        {
            return (null, null, null);
        }

        var path = Path.GetFullPath(options.TeacherModelPath!, environment.ContentRootPath);
        using var teacher = classifier.Open(path);
        var thresholds = escalation.ToThresholds();
        return (path, teacher.Contract.ModelVersion,
            new EscalationThresholdValues(thresholds.MinimumConfidence, thresholds.CancerBandLow, thresholds.CancerBandHigh));
    }
}
