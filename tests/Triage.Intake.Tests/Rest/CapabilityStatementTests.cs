using System.Net;
using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Interaction = Hl7.Fhir.Model.CapabilityStatement.TypeRestfulInteraction;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>GET /fhir/metadata</c> says exactly what the server does: everything listed answers, nothing else does.</summary>
public sealed class CapabilityStatementTests
{
    private static readonly Interaction[] EveryInteraction =
        [Interaction.Read, Interaction.Vread, Interaction.HistoryInstance, Interaction.Create, Interaction.Update, Interaction.Delete, Interaction.SearchType];

    [Fact]
    public async Task Lists_the_formats_and_is_served_in_each()
    {
        await using var server = await IntakeServer.StartAsync();

        var json = await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>();
        var xml = await (await server.Client.GetAsync("/fhir/metadata?_format=xml")).ReadResourceAsync<CapabilityStatement>();

        json.Format.Should().Contain(["json", "xml", IntakeServer.FhirJson, IntakeServer.FhirXml]);
        json.FhirVersion.Should().Be(FHIRVersion.N4_0_1);
        json.Kind.Should().Be(CapabilityStatementKind.Instance);
        json.Implementation.Url.Should().Be($"{server.Client.BaseAddress}fhir");
        xml.IsExactly(json).Should().BeTrue();
    }

    [Fact]
    public async Task Every_interaction_it_lists_answers()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync();
        var ids = await ExampleIdsAsync(server, ehr);
        var rest = await RestAsync(server);

        foreach (var resource in rest.Resource)
        {
            ids.Should().ContainKey(resource.Type, $"the test needs an example {resource.Type} to try its interactions on");
            foreach (var interaction in resource.Interaction.Select(i => i.Code!.Value))
            {
                var response = await TryAsync(server, resource.Type, ids[resource.Type], ids["Patient"], interaction);
                response.IsSuccessStatusCode.Should().BeTrue(
                    $"{interaction} of {resource.Type} is listed; it answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            foreach (var parameter in resource.SearchParam)
            {
                var response = await server.Client.GetAsync($"/fhir/{resource.Type}?{parameter.Name}={ExampleValue(parameter, ids)}");
                response.IsSuccessStatusCode.Should().BeTrue($"search parameter {parameter.Name} of {resource.Type} is listed");
            }
        }

        foreach (var code in rest.Interaction.Select(i => i.Code!.Value))
        {
            var bundle = new Bundle { Type = code == CapabilityStatement.SystemRestfulInteraction.Batch ? Bundle.BundleType.Batch : Bundle.BundleType.Transaction };
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Resource = Resources.Patient(), Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" },
            });
            (await server.SendAsync(HttpMethod.Post, "/fhir", bundle)).StatusCode.Should().Be(HttpStatusCode.OK, $"{code} is listed");
        }
    }

    [Fact]
    public async Task Every_interaction_it_does_not_list_is_refused_with_an_OperationOutcome_and_changes_nothing()
    {
        await using var ehr = await SubscriptionReceiver.StartAsync();
        await using var server = await IntakeServer.StartAsync();
        var ids = await ExampleIdsAsync(server, ehr);
        var rest = await RestAsync(server);
        var before = await server.SnapshotAsync();

        foreach (var resource in rest.Resource)
        {
            foreach (var interaction in EveryInteraction.Except(resource.Interaction.Select(i => i.Code!.Value)))
            {
                var response = await TryAsync(server, resource.Type, ids[resource.Type], ids["Patient"], interaction);
                ((int)response.StatusCode).Should().BeOneOf([404, 405], $"{interaction} of {resource.Type} is not listed");
                await response.ShouldBeRefusedAsync((int)response.StatusCode, server, before);
                if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
                {
                    response.Content.Headers.Allow.Should().NotBeEmpty("a 405 says which methods the route takes");
                }
            }
        }

        await (await server.Client.GetAsync("/fhir/Device/some-id")).ShouldBeRefusedAsync(404, server, before);
    }

    private static async Task<CapabilityStatement.RestComponent> RestAsync(IntakeServer server) =>
        (await (await server.Client.GetAsync("/fhir/metadata")).ReadResourceAsync<CapabilityStatement>()).Rest.Single();

    private static Task<HttpResponseMessage> TryAsync(IntakeServer server, string type, string id, string patientId, Interaction interaction) => interaction switch
    {
        Interaction.Read => server.Client.GetAsync($"/fhir/{type}/{id}"),
        Interaction.Vread => server.Client.GetAsync($"/fhir/{type}/{id}/_history/1"),
        Interaction.HistoryInstance => server.Client.GetAsync($"/fhir/{type}/{id}/_history"),
        Interaction.SearchType => server.Client.GetAsync($"/fhir/{type}"),
        Interaction.Delete => server.Client.DeleteAsync($"/fhir/{type}/{id}"),
        Interaction.Create => server.SendAsync(HttpMethod.Post, $"/fhir/{type}", NewExample(type, patientId)),
        Interaction.Update => UpdateAsync(server, type, id, patientId),
        _ => throw new ArgumentOutOfRangeException(nameof(interaction)),
    };

    private static async Task<HttpResponseMessage> UpdateAsync(IntakeServer server, string type, string id, string patientId)
    {
        var current = await server.SendAsync(HttpMethod.Get, $"/fhir/{type}/{id}", headers: ("Accept", IntakeServer.FhirJson));
        var resource = current.IsSuccessStatusCode ? await current.ReadResourceAsync<Resource>() : NewExample(type, patientId);
        return await server.SendAsync(HttpMethod.Put, $"/fhir/{type}/{id}", resource);
    }

    /// <summary>A new resource of the type, about the example patient where it needs one.</summary>
    private static Resource NewExample(string type, string patientId) => type switch
    {
        "Patient" => Resources.Patient(),
        "Observation" => Resources.Age(patientId, 50),
        "Media" => Resources.Photo(patientId),
        "Binary" => Resources.PhotoBinary(),
        "Subscription" => Subscriptions.RestHook("https://ehr.example.org/notify"),
        _ => (Resource)Activator.CreateInstance(ModelInfo.GetTypeForFhirType(type)!)!,
    };

    private static string ExampleValue(CapabilityStatement.SearchParamComponent parameter, IReadOnlyDictionary<string, string> ids) => parameter.Name switch
    {
        "subject" => $"Patient/{ids["Patient"]}",
        "patient" => ids["Patient"],
        "_id" => ids["RiskAssessment"],
        "_lastUpdated" => "ge2020-01-01",
        "created" => "ge2020-01-01",
        "identifier" => "https://example.org/sid|no-such-value",
        "status" => "requested",
        "code" => "http://loinc.org|30525-0",
        "owner" => "Organization/dermatology",
        "focus" or "target" => $"RiskAssessment/{ids["RiskAssessment"]}",
        "derived-from" => $"Media/{ids["Media"]}",
        "agent" => $"Device/{ids["Device"]}",
        "url" => TriageCanonicals.BodyRegionValueSet,
        _ => throw new InvalidOperationException($"Give the test an example value for search parameter {parameter.Name}."),
    };

    private static async Task<string> IdOfAsync(IntakeServer server, string type) =>
        (await server.QueryAsync("SELECT ResourceId FROM FhirResources WHERE ResourceType = $type", ("$type", type))).First()[0]!;

    /// <summary>
    /// One stored resource of each type: a patient, an observation, a photo (and its Binary), and what its result wrote back
    /// (RiskAssessment, Device, Provenance, and a review Task: the default answer is flagged), and a Subscription to
    /// <paramref name="ehr"/>, active, so that its handshake cannot change it while a test runs.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> ExampleIdsAsync(IntakeServer server, SubscriptionReceiver ehr)
    {
        var subscription = await server.CreateAsync(ehr.Subscription());
        (await SubscriptionReads.WaitForStatusAsync(server, subscription.Id, Subscription.SubscriptionStatus.Active)).Status
            .Should().Be(Subscription.SubscriptionStatus.Active);
        var patient = await server.CreateAsync(Resources.Patient());
        var observation = await server.CreateAsync(Resources.Age(patient.Id, 60));
        var (media, riskAssessment) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        return new Dictionary<string, string>
        {
            ["Patient"] = patient.Id!,
            ["Observation"] = observation.Id!,
            ["Media"] = media.Id!,
            ["Binary"] = media.Content.Url.Split('/')[1],
            ["RiskAssessment"] = riskAssessment.Id!,
            ["Device"] = riskAssessment.Performer.Reference.Split('/')[1],
            ["Provenance"] = await IdOfAsync(server, "Provenance"),
            ["Task"] = await IdOfAsync(server, "Task"),
            ["Subscription"] = subscription.Id!,
            ["StructureDefinition"] = "lesion-photo",
            ["CodeSystem"] = "clinical-feature",
            ["ValueSet"] = "body-region",
        };
    }
}
