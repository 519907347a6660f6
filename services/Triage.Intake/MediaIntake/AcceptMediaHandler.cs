using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Data;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Data.Outbox;
using Triage.Domain.Cases;
using Triage.Domain.ClinicalFeatures;
using Microsoft.Extensions.Options;
using Triage.Fhir.Cases;

namespace Triage.Intake.MediaIntake;

/// <summary>
/// Where a lesion photo becomes a case: the image is stored once (claim check; a Binary posted earlier is not
/// stored again), the case is opened, and <see cref="ClassificationRequested"/> goes into the outbox of the same unit
/// of work, unless the case waits for clinical features posted after the photo (<see cref="IntakeOptions.FeatureWaitAfterPhoto"/>).
/// </summary>
public sealed class AcceptMediaHandler(TriageDbContext db, TimeProvider clock, IOptions<IntakeOptions> options)
{
    public TriageCase Accept(
        Media media,
        string patientId,
        CheckedPhoto photo,
        ClinicalFeatureSet features,
        IReadOnlyList<string> observationIds)
    {
        var now = clock.GetUtcNow();
        var sha256 = StoredPhotos.Sha256Of(photo.Data);
        var imageId = photo.StoredImageId ?? Guid.NewGuid();
        if (photo.StoredImageId is null)
        {
            db.Images.Add(StoredPhotos.NewImage(imageId, photo, sha256, now));
        }

        var @case = new TriageCase
        {
            Id = Guid.NewGuid(),
            PatientId = patientId,
            MediaId = media.Id!,
            ImageId = imageId,
            LesionKey = LesionOfPhoto.KeyOf(media),
            ObservationIds = [.. observationIds],
            ReceivedAt = now,
            UpdatedAt = now,
        };
        db.Cases.Add(@case);
        var wait = options.Value.FeatureWaitAfterPhoto;
        if (wait > TimeSpan.Zero && !features.IsComplete)
        {
            @case.ClassifyAfter = now + wait;
            return @case;
        }

        Queue(@case, sha256, features, observationIds, now);
        return @case;
    }

    /// <summary>Sends a received case for classification with <paramref name="features"/>, in the caller's unit of work.</summary>
    public void Queue(TriageCase @case, string imageSha256, ClinicalFeatureSet features, IReadOnlyList<string> observationIds, DateTimeOffset now)
    {
        @case.ObservationIds = [.. observationIds];
        @case.ClassifyAfter = null;
        db.AddToOutbox(
            new ClassificationRequested(@case.Id, @case.ImageId, imageSha256, ClinicalFeatureEncoder.Version, ClinicalFeatureEncoder.Encode(features), now),
            now);
        @case.MoveTo(CaseStatus.Queued, now);
    }

    /// <summary>
    /// The stored Media keeps a link to the image instead of a second copy of its bytes.
    /// </summary>
    public static void ReplaceDataWithLink(Media media, TriageCase @case, CheckedPhoto photo)
    {
        media.Content.Data = null;
        media.Content.Url = $"Binary/{@case.ImageId}";
        media.Width ??= photo.Info.Width;
        media.Height ??= photo.Info.Height;
    }
}
