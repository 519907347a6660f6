using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Triage.Data;
using Triage.Fhir;
using Triage.Intake.Fhir;

namespace Triage.Intake.Bundles;

/// <summary>
/// <c>POST /fhir</c>: a transaction Bundle is created all or nothing; a batch Bundle entry by entry,
/// each with its own status.
/// </summary>
public sealed class BundleHandler(ResourceIntake intake, TriageDbContext db)
{
    public async Task<Bundle> HandleAsync(Bundle bundle, CancellationToken cancellationToken) => bundle.Type switch
    {
        Bundle.BundleType.Transaction => await TransactionAsync(bundle, cancellationToken),
        Bundle.BundleType.Batch => await BatchAsync(bundle, cancellationToken),
        _ => throw FhirErrors.BadRequest(
            $"POST /fhir takes a Bundle of type transaction or batch, not {bundle.Type?.ToString() ?? "none"}.",
            "Bundle.type",
            OperationOutcome.IssueType.Invalid),
    };

    private async Task<Bundle> TransactionAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var incoming = bundle.Entry.Select((entry, index) => ToIncoming(entry, index)).ToList();
        var outcomes = await intake.CreateAsync(incoming, cancellationToken);
        var response = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        response.Entry.AddRange(outcomes.Select(ResponseEntry));
        return response;
    }

    private async Task<Bundle> BatchAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var response = new Bundle { Type = Bundle.BundleType.BatchResponse };
        for (var i = 0; i < bundle.Entry.Count; i++)
        {
            try
            {
                var incoming = ToIncoming(bundle.Entry[i], i);
                var outcomes = await intake.CreateAsync([incoming with { FullUrl = null }], cancellationToken);
                response.Entry.Add(ResponseEntry(outcomes[0]));
            }
            catch (FhirRequestException failure)
            {
                db.ChangeTracker.Clear();
                response.Entry.Add(new Bundle.EntryComponent
                {
                    Response = new Bundle.ResponseComponent
                    {
                        Status = $"{failure.StatusCode} {ReasonPhrases.GetReasonPhrase(failure.StatusCode)}",
                        Outcome = failure.Outcome,
                    },
                });
            }
        }

        return response;
    }

    private static IncomingResource ToIncoming(Bundle.EntryComponent entry, int index)
    {
        var expression = $"Bundle.entry[{index}]";
        if (entry.Resource is null)
        {
            throw FhirErrors.BadRequest("The entry has no resource.", $"{expression}.resource", OperationOutcome.IssueType.Required);
        }

        if (entry.Request is not { Method: Bundle.HTTPVerb.POST } request)
        {
            throw FhirErrors.BadRequest(
                "Only POST (create) entries are supported.", $"{expression}.request.method", OperationOutcome.IssueType.NotSupported);
        }

        if (request.Url?.TrimEnd('/') != entry.Resource.TypeName)
        {
            throw FhirErrors.BadRequest(
                $"request.url '{request.Url}' does not match the resource type {entry.Resource.TypeName}.",
                $"{expression}.request.url",
                OperationOutcome.IssueType.Invalid);
        }

        return new IncomingResource(entry.Resource, entry.FullUrl, $"{expression}.resource", request.IfNoneExist);
    }

    private static Bundle.EntryComponent ResponseEntry(IntakeOutcome outcome) => ResponseEntry(outcome.Resource, outcome.Created);

    private static Bundle.EntryComponent ResponseEntry(Resource resource, bool created) => new()
    {
        FullUrl = $"{resource.TypeName}/{resource.Id}",
        Response = new Bundle.ResponseComponent
        {
            Status = created ? "201 Created" : "200 OK",
            Location = FhirResults.VersionedLocation(resource),
            Etag = $"W/\"{resource.Meta!.VersionId}\"",
            LastModified = resource.Meta.LastUpdated,
        },
    };
}
