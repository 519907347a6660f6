using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Triage.Data;
using Triage.Data.Outbox;
using Triage.Fhir;
using Triage.Intake.MediaIntake;
using Triage.Intake.Observations;
using Triage.Intake.Storage;

namespace Triage.Intake;

/// <summary>
/// Creates the resources of one request all or nothing: assigns ids, resolves references, checks
/// every resource (features, photo pixels), stores them and opens a case per lesion photo, in one commit.
/// </summary>
public sealed class ResourceIntake(
    TriageDbContext db,
    FhirResourceStore store,
    ReferenceResolver references,
    LesionPhotoCheck photos,
    CaseFeatureCollector featureCollector,
    AcceptMediaHandler acceptMedia,
    OutboxSignal outboxSignal,
    ILogger<ResourceIntake> logger)
{
    public async Task<IReadOnlyList<Resource>> CreateAsync(IReadOnlyList<IncomingResource> incoming, CancellationToken cancellationToken)
    {
        var assigned = AssignIds(incoming);
        await references.ResolveAsync(incoming, assigned, cancellationToken);

        var observations = incoming.Select(i => i.Resource).OfType<Observation>().ToList();
        foreach (var item in incoming)
        {
            Check(item);
        }

        var checkedPhotos = incoming.Where(i => i.Resource is Media)
            .Select(i => (Media: (Media)i.Resource, Photo: photos.Check((Media)i.Resource, i.Expression)))
            .ToList();

        foreach (var (media, photo) in checkedPhotos)
        {
            var patientId = CaseFeatureCollector.PatientIdOf(media.Subject)!;
            var patient = incoming.Select(i => i.Resource).OfType<Patient>().FirstOrDefault(p => p.Id == patientId);
            var features = await featureCollector.CollectAsync(media, patientId, observations, patient, cancellationToken);
            var @case = acceptMedia.Accept(media, patientId, photo, features.Features, features.ObservationIds);
            AcceptMediaHandler.ReplaceDataWithLink(media, @case, photo);
            logger.CaseOpened(@case.Id, features.Features.Known.Count);
        }

        foreach (var item in incoming)
        {
            store.AddNew(item.Resource, PatientIdOf(item.Resource));
        }

        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Notify();
        return incoming.Select(i => i.Resource).ToList();
    }

    private static Dictionary<string, string> AssignIds(IReadOnlyList<IncomingResource> incoming)
    {
        var assigned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            // On create the server chooses the id (FHIR R4 3.1.0.1.7); a client id is ignored.
            item.Resource.Id = FhirResourceStore.NewId();
            if (item.FullUrl is { Length: > 0 } fullUrl && !assigned.TryAdd(fullUrl, $"{item.Resource.TypeName}/{item.Resource.Id}"))
            {
                throw FhirErrors.BadRequest($"fullUrl '{fullUrl}' appears more than once.", item.Expression, OperationOutcome.IssueType.Duplicate);
            }
        }

        return assigned;
    }

    private static void Check(IncomingResource item)
    {
        switch (item.Resource)
        {
            case Patient:
                break;
            case Observation observation:
                RequirePatientSubject(observation.Subject, $"{item.Expression}.subject");
                ClinicalObservationMapper.Map(observation, item.Expression);
                break;
            case Media media:
                RequirePatientSubject(media.Subject, $"{item.Expression}.subject");
                break;
            default:
                throw FhirErrors.BadRequest(
                    $"{item.Resource.TypeName} cannot be created here; intake accepts Patient, Media and Observation.",
                    item.Expression,
                    OperationOutcome.IssueType.NotSupported);
        }
    }

    private static void RequirePatientSubject(ResourceReference? subject, string expression)
    {
        if (CaseFeatureCollector.PatientIdOf(subject) is null)
        {
            throw FhirErrors.Unprocessable("The subject must reference a Patient (Patient/id).", expression, OperationOutcome.IssueType.Required);
        }
    }

    private static string? PatientIdOf(Resource resource) => resource switch
    {
        Patient patient => patient.Id,
        Observation observation => CaseFeatureCollector.PatientIdOf(observation.Subject),
        Media media => CaseFeatureCollector.PatientIdOf(media.Subject),
        _ => null,
    };
}
