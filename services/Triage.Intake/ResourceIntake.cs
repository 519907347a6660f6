using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Images;
using Triage.Data.Outbox;
using Triage.Fhir;
using Triage.Intake.MediaIntake;
using Triage.Intake.Observations;
using Triage.Intake.Storage;
using Triage.Intake.Validation;

namespace Triage.Intake;

/// <summary>
/// Creates the resources of one request all or nothing: assigns ids, resolves references, checks
/// every resource (features, photo pixels, the project's profiles), stores them and opens a case per lesion photo, in one commit.
/// </summary>
public sealed class ResourceIntake(
    TriageDbContext db,
    FhirResourceStore store,
    ReferenceResolver references,
    LesionPhotoCheck photos,
    PhotoByReference photosByReference,
    TimeProvider clock,
    CaseFeatureCollector featureCollector,
    AcceptMediaHandler acceptMedia,
    ConditionalCreate conditional,
    IntakeProfileCheck profiles,
    OutboxSignal outboxSignal,
    ILogger<ResourceIntake> logger)
{
    public async Task<IReadOnlyList<IntakeOutcome>> CreateAsync(IReadOnlyList<IncomingResource> requested, CancellationToken cancellationToken)
    {
        // A conditional create whose condition matches creates nothing; its fullUrl means what exists.
        var existing = new Dictionary<IncomingResource, string>();
        foreach (var item in requested.Where(i => i.IfNoneExist is not null))
        {
            if (await conditional.FindMatchAsync(item.Resource.TypeName, item.IfNoneExist!, item.Expression, cancellationToken) is { } id)
            {
                existing[item] = id;
            }
        }

        var incoming = requested.Where(i => !existing.ContainsKey(i)).ToList();
        var assigned = AssignIds(incoming);
        foreach (var (item, id) in existing.Where(e => e.Key.FullUrl is not null))
        {
            assigned[item.FullUrl!] = $"{item.Resource.TypeName}/{id}";
        }

        await references.ResolveAsync(incoming, assigned, cancellationToken);

        var observations = incoming.Select(i => i.Resource).OfType<Observation>().ToList();
        foreach (var item in incoming)
        {
            IntakeRules.Check(item);
        }

        var newImages = AddBinaries(incoming);
        var checkedPhotos = new List<(Media Media, CheckedPhoto Photo)>();
        foreach (var item in incoming.Where(i => i.Resource is Media))
        {
            var media = (Media)item.Resource;
            if (media.Content?.Url is { } url && assigned.TryGetValue(url, out var local))
            {
                media.Content.Url = local;
            }

            var storedImageId = await photosByReference.ResolveAsync(media, item.Expression, newImages, cancellationToken);
            checkedPhotos.Add((media, photos.Check(media, item.Expression) with { StoredImageId = storedImageId }));
        }

        // After intake's own checks, so that what they refuse is explained in their words.
        profiles.Check(incoming);

        foreach (var (media, photo) in checkedPhotos)
        {
            var patientId = CaseFeatureCollector.PatientIdOf(media.Subject)!;
            var patient = incoming.Select(i => i.Resource).OfType<Patient>().FirstOrDefault(p => p.Id == patientId);
            var features = await featureCollector.CollectAsync(media, patientId, observations, patient, photoReceivedAt: null, cancellationToken);
            var @case = acceptMedia.Accept(media, patientId, photo, features.Features, features.ObservationIds);
            AcceptMediaHandler.ReplaceDataWithLink(media, @case, photo);
            logger.CaseOpened(@case.Id, features.Features.Known.Count);
            if (@case.ClassifyAfter is { } classifyAfter)
            {
                logger.CaseAwaitingFeatures(@case.Id, classifyAfter, features.Features.Known.Count);
            }
        }

        foreach (var item in incoming.Where(i => i.Resource is not Binary))
        {
            store.AddNew(item.Resource, IntakeRules.PatientIdOf(item.Resource));
            conditional.Register(item.Resource);
        }

        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Notify();

        var outcomes = new List<IntakeOutcome>();
        foreach (var item in requested)
        {
            outcomes.Add(existing.TryGetValue(item, out var id)
                ? new IntakeOutcome((await store.ReadAsync(item.Resource.TypeName, id, cancellationToken))!, Created: false)
                : new IntakeOutcome(item.Resource, Created: true));
        }

        return outcomes;
    }

    /// <summary>Photos posted as Binary entries: checked and stored as images (not as FHIR resources), so that a Media
    /// of the same request can name them by their <c>urn:uuid</c>.</summary>
    private Dictionary<Guid, StoredImage> AddBinaries(IReadOnlyList<IncomingResource> incoming)
    {
        var images = new Dictionary<Guid, StoredImage>();
        foreach (var item in incoming.Where(i => i.Resource is Binary))
        {
            var binary = (Binary)item.Resource;
            var photo = photos.Check(binary, item.Expression);
            var image = StoredPhotos.NewImage(Guid.Parse(binary.Id!), photo, StoredPhotos.Sha256Of(photo.Data), clock.GetUtcNow());
            db.Images.Add(image);
            images[image.Id] = image;
            binary.Meta = new Meta { VersionId = "1", LastUpdated = image.ReceivedAt };
        }

        return images;
    }

    private static Dictionary<string, string> AssignIds(IReadOnlyList<IncomingResource> incoming)
    {
        var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            // On create the server chooses the id (FHIR R4 3.1.0.1.7); a client id is ignored.
            // A photo's id is its image id.
            item.Resource.Id = item.Resource is Binary ? Guid.NewGuid().ToString() : FhirResourceStore.NewId();
            if (item.FullUrl is { Length: > 0 } fullUrl && !assigned.TryAdd(fullUrl, $"{item.Resource.TypeName}/{item.Resource.Id}"))
            {
                throw FhirErrors.BadRequest($"fullUrl '{fullUrl}' appears more than once.", item.Expression, OperationOutcome.IssueType.Duplicate);
            }
        }

        return assigned;
    }
}
