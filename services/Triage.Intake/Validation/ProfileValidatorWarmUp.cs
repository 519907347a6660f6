using System.Diagnostics;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Triage.Fhir.Validation;

namespace Triage.Intake.Validation;

/// <summary>
/// Loads the core specification and compiles the project's profiles in the background at start, so that the first
/// photo posted does not wait seconds for it. The host starts without waiting.
/// </summary>
public sealed class ProfileValidatorWarmUp(ProfileValidator validator, ILogger<ProfileValidatorWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var patient = new ResourceReference("Patient/warm-up");
            validator.Validate(new Media { Status = EventStatus.Completed, Subject = patient, Content = new Attachment { ContentType = "image/png", Url = "Binary/warm-up" } }, null, "Media");
            validator.Validate(new Observation { Status = ObservationStatus.Final, Code = new CodeableConcept(), Subject = patient }, null, "Observation");
            logger.ProfileValidatorReady(clock.ElapsedMilliseconds);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.ProfileValidatorWarmUpFailed(failure);
        }
    }, stoppingToken);
}
