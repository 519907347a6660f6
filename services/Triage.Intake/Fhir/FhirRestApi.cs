using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Triage.Intake.Conformance;
using Triage.Intake.Results;
using Triage.Intake.Search;
using Triage.Intake.Subscriptions;
using Triage.Intake.Validation;
using Triage.Intake.Versions;
using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Fhir;

/// <summary>
/// Every resource type and interaction the FHIR endpoint answers. The routes (<see cref="FhirEndpoints"/>) and the
/// CapabilityStatement (<see cref="IntakeCapabilityStatement"/>) are both made from this list, so they cannot disagree.
/// </summary>
public static class FhirRestApi
{
    public static IReadOnlyList<CapabilityStatement.SystemRestfulInteraction> SystemInteractions { get; } =
        [CapabilityStatement.SystemRestfulInteraction.Transaction, CapabilityStatement.SystemRestfulInteraction.Batch];

    public static IReadOnlyList<RestResource> Resources { get; } =
    [
        Validatable(Searchable(Stored<Patient>(create: true, update: true) with { ConditionalCreate = true })),
        Validatable(Searchable(Stored<Media>(create: true, update: false) with { ConditionalCreate = true })),
        Validatable(Searchable(Stored<Observation>(create: true, update: true))) with
        {
            // What clients post is a clinical feature; what the platform writes after a review, a lesion diagnosis.
            SupportedProfiles = [TriageCanonicals.ClinicalFeatureProfile, TriageCanonicals.LesionDiagnosisProfile],
        },
        new RestResource("Binary",
        [
            new(Interaction.Create, BinaryEndpoint.CreateAsync),
            new(Interaction.Read, BinaryEndpoint.ReadAsync),
            new(Interaction.Vread, BinaryEndpoint.VersionReadAsync),
            new(Interaction.HistoryInstance, BinaryEndpoint.HistoryAsync),
        ]) { ServesRawContent = true },
        Validatable(Searchable(Stored<RiskAssessment>(create: false, update: false))),
        Validatable(Searchable(Stored<Device>(create: false, update: false))),
        Validatable(Searchable(Stored<Provenance>(create: false, update: false))),
        Validatable(Searchable(Stored<Hl7.Fhir.Model.Task>(create: false, update: false))),
        Searchable(With(Stored<Subscription>(create: false, update: false),
            new(Interaction.Create, SubscriptionEndpoint.CreateAsync),
            new(Interaction.Update, SubscriptionChangeEndpoints.UpdateAsync),
            new(Interaction.Delete, SubscriptionChangeEndpoints.DeleteAsync))) with
        {
            Operations =
            [
                new(SubscriptionStatusOperation.Name, SubscriptionStatusOperation.Definition, SubscriptionStatusOperation.ForType,
                    SubscriptionStatusOperation.ForInstance) { AnswersGet = true },
                new(SubscriptionEventsOperation.Name, SubscriptionEventsOperation.Definition, null, SubscriptionEventsOperation.ForInstance)
                {
                    AnswersGet = true,
                },
            ],
        },
        .. ConformanceEndpoints.Types.Select(BuiltIn),
    ];

    /// <summary><c>$validate</c>, and the project's profile for the type, if any (what clients send, and what the platform writes back).</summary>
    private static RestResource Validatable(RestResource resource) => resource with
    {
        Operations = [new RestOperation(ValidateEndpoint.Name, ValidateEndpoint.Definition, ValidateEndpoint.ForType(resource.Type), ValidateEndpoint.ForInstance(resource.Type))],
        Profile = TriageCanonicals.ProfileOf(resource.Type),
    };

    /// <summary>The project's own conformance resources: read and search by url, never written.</summary>
    private static RestResource BuiltIn(string type) =>
        new(type, [new(Interaction.Read, ConformanceEndpoints.Read(type)), new(Interaction.SearchType, ConformanceEndpoints.Search(type))])
        {
            SearchParameters = [ConformanceEndpoints.UrlParameter],
        };

    /// <summary>Interactions with their own handlers: a Subscription is checked and handshaken, not stored as sent.</summary>
    private static RestResource With(RestResource resource, params RestInteraction[] interactions) => resource with
    {
        Interactions = [.. resource.Interactions, .. interactions],
    };

    private static RestResource Searchable(RestResource resource) => resource with
    {
        Interactions = [.. resource.Interactions, new(Interaction.SearchType, TypeSearchEndpoint.For(resource.Type))],
        SearchParameters = SearchCatalogue.ParametersOf(resource.Type),
        SearchIncludes = [.. SearchCatalogue.IncludesOf(resource.Type).Select(i => i.Value)],
        SearchRevIncludes = [.. SearchCatalogue.RevIncludesOf(resource.Type).Select(i => i.Value)],
    };

    private static RestResource Stored<T>(bool create, bool update)
        where T : Resource
    {
        var type = ModelInfo.GetFhirTypeNameForType(typeof(T))!;
        List<RestInteraction> interactions =
        [
            new(Interaction.Read, VersionedReadEndpoints.Read(type)),
            new(Interaction.Vread, VersionedReadEndpoints.VersionRead(type)),
            new(Interaction.HistoryInstance, VersionedReadEndpoints.History(type)),
        ];
        if (create)
        {
            interactions.Add(new(Interaction.Create, CreateEndpoint.For<T>()));
        }

        if (update)
        {
            interactions.Add(new(Interaction.Update, UpdateEndpoint.For<T>()));
        }

        return new RestResource(type, interactions);
    }
}
