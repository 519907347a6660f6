using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Data;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Data.Outbox;
using Triage.Domain.Cases;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Cases;

namespace Triage.Intake.MediaIntake;

/// <summary>
/// Where a lesion photo becomes a case: the image is stored once (claim check; a Binary posted earlier is not
/// stored again), the case is opened,
/// and <see cref="ClassificationRequested"/> goes into the outbox of the same unit of work.
/// </summary>
public sealed class AcceptMediaHandler(TriageDbContext db, TimeProvider clock)
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
        db.AddToOutbox(
            new ClassificationRequested(
                @case.Id,
                imageId,
                sha256,
                ClinicalFeatureEncoder.Version,
                ClinicalFeatureEncoder.Encode(features),
                now),
            now);
        @case.MoveTo(CaseStatus.Queued, now);
        return @case;
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
