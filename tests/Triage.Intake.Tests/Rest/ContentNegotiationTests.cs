using System.Net;
using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>JSON and XML in and out: Content-Type for bodies, <c>_format</c> then Accept for answers; 415 and 406 otherwise.</summary>
public sealed class ContentNegotiationTests
{
    [Theory]
    [InlineData(null, null, IntakeServer.FhirJson)]
    [InlineData("application/fhir+json", null, IntakeServer.FhirJson)]
    [InlineData("application/json", null, IntakeServer.FhirJson)]
    [InlineData("application/fhir+xml", null, IntakeServer.FhirXml)]
    [InlineData("application/xml", null, IntakeServer.FhirXml)]
    [InlineData("text/xml", null, IntakeServer.FhirXml)]
    [InlineData("*/*", null, IntakeServer.FhirJson)]
    [InlineData("text/html, application/fhir+xml;q=0.9, application/fhir+json;q=0.5", null, IntakeServer.FhirXml)]
    [InlineData("application/fhir+xml;q=0.2, application/fhir+json;q=0.8", null, IntakeServer.FhirJson)]
    [InlineData(null, "xml", IntakeServer.FhirXml)]
    [InlineData(null, "json", IntakeServer.FhirJson)]
    [InlineData(null, "application/fhir%2Bxml", IntakeServer.FhirXml)]
    [InlineData(null, "application/fhir+xml", IntakeServer.FhirXml)]
    [InlineData("application/fhir+xml", "json", IntakeServer.FhirJson)]
    public async Task Answers_in_the_format_asked_for(string? accept, string? format, string expected)
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var path = $"/fhir/Patient/{patient.Id}" + (format is null ? "" : $"?_format={format}");

        var response = await server.SendAsync(HttpMethod.Get, path, headers: accept is null ? [] : [("Accept", accept)]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(expected);
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        (await response.ReadResourceAsync<Patient>()).Id.Should().Be(patient.Id);
    }

    [Fact]
    public async Task A_patient_posted_as_XML_is_stored_and_read_back_as_JSON()
    {
        await using var server = await IntakeServer.StartAsync();

        var created = await server.SendRawAsync(HttpMethod.Post, "/fhir/Patient", IntakeServer.ExampleFile("patient.xml"), IntakeServer.FhirXml);

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Content.Headers.ContentType!.MediaType.Should().Be(IntakeServer.FhirJson, "the answer follows Accept, not the body's format");
        var id = (await created.ReadResourceAsync<Patient>()).Id;
        var read = await (await server.Client.GetAsync($"/fhir/Patient/{id}")).ReadResourceAsync<Patient>();
        read.Gender.Should().Be(AdministrativeGender.Female);
        read.BirthDate.Should().Be("1961-04-12");
        read.Identifier.Single().Value.Should().Be("xml-1");
    }

    [Fact]
    public async Task An_observation_posted_and_updated_as_XML_goes_through_the_same_checks()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var xml = IntakeServer.ExampleFile("observation-age.xml").Replace("Patient/example", $"Patient/{patient.Id}", StringComparison.Ordinal);

        var created = await server.SendRawAsync(HttpMethod.Post, "/fhir/Observation", xml, IntakeServer.FhirXml, ("Accept", IntakeServer.FhirXml));
        var observation = await created.ReadResourceAsync<Observation>();
        var before = await server.SnapshotAsync();
        observation.Value = new Quantity(-3, "a") { System = "http://unitsofmeasure.org" };
        var refused = await server.SendAsync(HttpMethod.Put, $"/fhir/Observation/{observation.Id}", observation, IntakeServer.FhirXml);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Content.Headers.ContentType!.MediaType.Should().Be(IntakeServer.FhirXml);
        await refused.ShouldBeRefusedAsync(422, server, before);
    }

    public static TheoryData<string, string, int> BadBodies => new()
    {
        { "patient-unknown-element.xml", IntakeServer.FhirXml, 400 },
        { "patient-invalid-code.xml", IntakeServer.FhirXml, 400 },
        { "patient-external-entity.xml", IntakeServer.FhirXml, 400 },
        { "patient-entity-expansion.xml", "application/xml", 400 },
        { "patient-not-well-formed.xml", IntakeServer.FhirXml, 400 },
        { "patient.xml", IntakeServer.FhirJson, 400 },
        { "patient.xml", "text/plain", 415 },
        { "patient.xml", "application/x-www-form-urlencoded", 415 },
        { "patient.xml", "application/fhir+turtle", 415 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_not_in_the_format_it_claims_is_refused_and_creates_nothing(string file, string contentType, int status)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var response = await server.SendRawAsync(HttpMethod.Post, "/fhir/Patient", IntakeServer.ExampleFile(file), contentType);

        var outcome = await response.ShouldBeRefusedAsync(status, server, before);
        outcome.Issue.Should().NotContain(i => i.Diagnostics!.Contains("root:", StringComparison.Ordinal), "no entity was expanded");
    }

    [Fact]
    public async Task An_unknown_element_in_XML_is_named_by_its_FHIRPath()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var response = await server.SendRawAsync(
            HttpMethod.Post, "/fhir/Patient", IntakeServer.ExampleFile("patient-unknown-element.xml"), IntakeServer.FhirXml);

        (await response.ShouldBeRefusedAsync(400, server, before)).Issue.Should().Contain(i => i.Expression.Contains("Patient.shoeSize"));
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_refused_with_415()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/fhir/Patient") { Content = new ByteArrayContent("{\"resourceType\":\"Patient\"}"u8.ToArray()) };

        await (await server.Client.SendAsync(request)).ShouldBeRefusedAsync(415, server, before);
    }

    [Theory]
    [InlineData("text/html", null)]
    [InlineData("application/fhir+turtle", null)]
    [InlineData("application/fhir+json;q=0", null)]
    [InlineData(null, "html")]
    [InlineData(null, "turtle")]
    [InlineData("application/fhir+json", "text/plain")]
    public async Task An_answer_the_client_would_not_accept_is_refused_with_406_before_anything_is_stored(string? accept, string? format)
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var headers = accept is null ? [] : new[] { ("Accept", accept) };

        var response = await server.SendAsync(
            HttpMethod.Post, "/fhir/Patient" + (format is null ? "" : $"?_format={format}"), Resources.Patient(), headers: headers);

        await response.ShouldBeRefusedAsync(406, server, before);
        response.Content.Headers.ContentType!.MediaType.Should().Be(IntakeServer.FhirJson);
    }

    [Fact]
    public async Task Refusals_come_in_the_format_asked_for()
    {
        await using var server = await IntakeServer.StartAsync();

        var response = await server.Client.GetAsync("/fhir/Patient/no-such-id?_format=xml");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be(IntakeServer.FhirXml);
        await response.ReadResourceAsync<OperationOutcome>();
    }

    [Fact]
    public async Task A_transaction_Bundle_can_be_posted_as_XML()
    {
        await using var server = await IntakeServer.StartAsync();
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        transaction.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:0d1c7f2e-3b7a-4f4e-9f55-2b6c1d7f0a01",
            Resource = Resources.Patient(),
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "Patient" },
        });

        var response = await server.SendAsync(HttpMethod.Post, "/fhir", transaction, IntakeServer.FhirXml, ("Accept", IntakeServer.FhirXml));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadResourceAsync<Bundle>()).Type.Should().Be(Bundle.BundleType.TransactionResponse);
    }
}
