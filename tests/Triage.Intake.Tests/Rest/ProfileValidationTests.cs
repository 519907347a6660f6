using System.Net;
using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using IssueSeverity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// Create, update and transaction hold lesion photos, clinical features and whatever claims one of the project's profiles
/// to that profile: an error is 422 with the OperationOutcome and nothing is stored; a warning does not refuse.
/// </summary>
public sealed class ProfileValidationTests
{
    [Fact]
    public async Task A_create_that_breaks_the_claimed_profile_is_422_and_stores_nothing()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var patient = Resources.Patient();
        patient.Meta = new Meta { Profile = [TriageCanonicals.LesionPhotoProfile] };

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Patient", patient);

        var outcome = await response.ShouldBeRefusedAsync(422, server, before);
        outcome.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Expression.Single() == "Patient" && i.Diagnostics.Contains("Media"));
    }

    [Fact]
    public async Task A_clinical_feature_that_intake_reads_but_the_core_specification_forbids_is_422()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();
        var observation = Resources.Age(patient.Id, 50);
        observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent { Type = new CodeableConcept("http://example.org", "x") });

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Observation", observation);

        var outcome = await response.ShouldBeRefusedAsync(422, server, before);
        outcome.Issue.Should().Contain(i => i.Diagnostics.Contains("obs-3") && i.Expression.Single() == "Observation.referenceRange[0]");
    }

    [Fact]
    public async Task An_update_that_breaks_the_profile_is_422_and_keeps_the_stored_version()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var observation = await server.CreateAsync(Resources.Age(patient.Id, 50));
        var before = await server.SnapshotAsync();
        observation.Meta.Profile = [TriageCanonicals.LesionPhotoProfile];

        var response = await server.SendAsync(HttpMethod.Put, $"/fhir/Observation/{observation.Id}", observation);

        await response.ShouldBeRefusedAsync(422, server, before);
    }

    [Fact]
    public async Task A_transaction_with_one_entry_breaking_its_profile_stores_nothing_and_names_the_entry()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction };
        Add(bundle, "urn:uuid:7d1f0b44-2a52-4f0e-9d8e-2b1c3a4d5e01", Resources.Patient());
        var photo = Resources.Photo("x");
        photo.Subject = new ResourceReference("urn:uuid:7d1f0b44-2a52-4f0e-9d8e-2b1c3a4d5e01");
        Add(bundle, "urn:uuid:7d1f0b44-2a52-4f0e-9d8e-2b1c3a4d5e02", photo);
        var observation = Resources.Age("x", 50);
        observation.Subject = new ResourceReference("urn:uuid:7d1f0b44-2a52-4f0e-9d8e-2b1c3a4d5e01");
        observation.ReferenceRange.Add(new Observation.ReferenceRangeComponent { Type = new CodeableConcept("http://example.org", "x") });
        Add(bundle, "urn:uuid:7d1f0b44-2a52-4f0e-9d8e-2b1c3a4d5e03", observation);

        var response = await server.SendAsync(HttpMethod.Post, "/fhir", bundle);

        var outcome = await response.ShouldBeRefusedAsync(422, server, before);
        outcome.Issue.Where(i => i.Severity == IssueSeverity.Error).Should().OnlyContain(i => i.Expression.Single().StartsWith("Bundle.entry[2].resource"));
        server.Harness.Published.Select<Triage.Contracts.ClassificationRequested>().Should().BeEmpty();
    }

    [Fact]
    public async Task Warnings_do_not_refuse_a_create()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var photo = Resources.Photo(patient.Id);
        // A profile claimed that is not known here is a warning, and the photo is taken.
        photo.Meta = new Meta { Profile = ["http://example.org/fhir/StructureDefinition/elsewhere"] };

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Media", photo);

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static void Add(Bundle bundle, string fullUrl, Resource resource) => bundle.Entry.Add(new Bundle.EntryComponent
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
    });
}
