using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Outbox;
using Triage.Domain.Cases;
using Triage.Intake.MediaIntake;
using Triage.Intake.Storage;

namespace Triage.Intake.Observations;

/// <summary>
/// Sends each case that waited for clinical features posted after its photo (<see cref="IntakeOptions.FeatureWaitAfterPhoto"/>)
/// for classification once its wait is over, with the features gathered by then. The wait is stored with the case, so a
/// restart resumes it; when several intake instances race for one case, its revision lets one of them send it.
/// </summary>
public sealed class WaitingCaseRelease(
    IServiceScopeFactory scopes, OutboxSignal outboxSignal, TimeProvider clock, ILogger<WaitingCaseRelease> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ReleaseDueAsync(stoppingToken) > 0)
                {
                    outboxSignal.Notify();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.WaitingCaseReleaseFailed(ex);
            }

            await Task.Delay(PollInterval, clock, stoppingToken);
        }
    }

    /// <returns>How many cases were sent.</returns>
    public async Task<int> ReleaseDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TriageDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Cases.Where(c => c.Status == CaseStatus.Received && c.ClassifyAfter != null && c.ClassifyAfter <= now)
            .OrderBy(c => c.ClassifyAfter).Take(BatchSize).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var @case in due)
        {
            var media = await services.GetRequiredService<FhirResourceStore>().ReadAsync<Media>(@case.MediaId, cancellationToken)
                ?? throw new InvalidOperationException($"Case {@case.Id} names Media/{@case.MediaId}, which is not stored.");
            var features = await services.GetRequiredService<CaseFeatureCollector>()
                .CollectAsync(media, @case.PatientId, [], patient: null, @case.ReceivedAt, cancellationToken);
            var imageSha256 = await db.Images.Where(i => i.Id == @case.ImageId).Select(i => i.Sha256).SingleAsync(cancellationToken);
            services.GetRequiredService<AcceptMediaHandler>().Queue(@case, imageSha256, features.Features, features.ObservationIds, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                sent++;
                logger.WaitingCaseQueued(@case.Id, features.Features.Known.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance sent it first: drop what this one added for it, and read the rest again at the next poll.
                db.ChangeTracker.Clear();
                break;
            }
        }

        return sent;
    }
}
