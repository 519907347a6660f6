using System.Net;
using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;
using Triage.Fhir.Conformance;
using Triage.Fhir.Observations;
using Triage.Fhir.Terminology;
using IssueSeverity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;

namespace Triage.Intake.Tests.Rest;

/// <summary><c>$validate</c> (FHIR R4 Resource-validate): 200 with an OperationOutcome saying what the profiles (and, for an inline photo, intake's photo check) say, and nothing stored.</summary>
public sealed class ValidateTests
{
    [Fact]
    public async Task A_valid_lesion_photo_has_no_errors()
    {
        await using var server = await IntakeServer.StartAsync();

        var outcome = await ValidateAsync(server, "/fhir/Media/$validate", Resources.Photo("some-patient"));

        outcome.Issue.Should().NotContain(i => i.Severity == IssueSeverity.Error || i.Severity == IssueSeverity.Fatal);
        outcome.Issue.Should().NotBeEmpty("an OperationOutcome has at least one issue, if only to say that all is well");
    }

    [Fact]
    public async Task A_photo_that_does_not_decode_is_an_error_as_it_would_be_on_create()
    {
        await using var server = await IntakeServer.StartAsync();
        var photo = Resources.Photo("some-patient");
        photo.Content.Data = "not a photo at all"u8.ToArray();

        var outcome = await ValidateAsync(server, "/fhir/Media/$validate", photo);

        outcome.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Expression.Single() == "Media.content.data",
            "the profile cannot see into the bytes; intake's photo check can, and a create would be refused for it");
    }

    [Fact]
    public async Task A_missing_required_element_is_an_error_naming_it()
    {
        await using var server = await IntakeServer.StartAsync();
        var photo = Resources.Photo("some-patient");
        photo.Subject = null;

        var outcome = await ValidateAsync(server, "/fhir/Media/$validate", photo);

        outcome.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Expression.Contains("Media")
            && i.Diagnostics.Contains("subject"));
    }

    [Fact]
    public async Task A_code_outside_the_bound_ValueSet_is_an_error_naming_the_element_and_the_ValueSet()
    {
        await using var server = await IntakeServer.StartAsync();
        var observation = Resources.Age("some-patient", 50);
        observation.Code = new CodeableConcept(TriageTerminology.ClinicalFeatureSystem, "shoe_size");

        var outcome = await ValidateAsync(server, "/fhir/Observation/$validate", observation);

        outcome.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Code == OperationOutcome.IssueType.CodeInvalid
            && i.Expression.Single().StartsWith("Observation.code") && i.Diagnostics.Contains(TriageCanonicals.ClinicalFeatureCodeValueSet));
    }

    [Fact]
    public async Task A_region_value_outside_its_ValueSet_is_an_error()
    {
        await using var server = await IntakeServer.StartAsync();

        var region = ClinicalObservationFactory.Create(
            ClinicalFeatureCatalogue.Region, FeatureValue.OfCategory("FACE"), new ResourceReference("Patient/some-patient"));
        region.Value = new CodeableConcept(TriageTerminology.PadUfes20System, "KNEE");

        var outcome = await ValidateAsync(server, "/fhir/Observation/$validate", region);

        outcome.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Diagnostics.Contains("clinical-feature-7"));
    }

    [Fact]
    public async Task A_profile_parameter_validates_against_that_profile_in_a_Parameters_body_or_the_query()
    {
        await using var server = await IntakeServer.StartAsync();
        // A Patient is held to no profile of ours unless asked: against the lesion photo profile it is the wrong type.
        var parameters = new Parameters();
        parameters.Add("resource", Resources.Patient());
        parameters.Add("profile", new FhirUri(TriageCanonicals.LesionPhotoProfile));

        var plain = await ValidateAsync(server, "/fhir/Patient/$validate", Resources.Patient());
        var inBody = await ValidateAsync(server, "/fhir/Patient/$validate", parameters);
        var inQuery = await ValidateAsync(server, $"/fhir/Patient/$validate?profile={Uri.EscapeDataString(TriageCanonicals.LesionPhotoProfile)}", Resources.Patient());

        plain.Issue.Should().NotContain(i => i.Severity == IssueSeverity.Error);
        inBody.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Diagnostics.Contains("Media"));
        inQuery.Issue.Select(i => i.Diagnostics).Should().Equal(inBody.Issue.Select(i => i.Diagnostics));
    }

    [Fact]
    public async Task A_claimed_profile_unknown_here_is_a_warning_not_an_error()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = Resources.Patient();
        patient.Meta = new Meta { Profile = ["http://example.org/fhir/StructureDefinition/elsewhere"] };

        var outcome = await ValidateAsync(server, "/fhir/Patient/$validate", patient);

        outcome.Issue.Should().ContainSingle(i => i.Severity == IssueSeverity.Warning && i.Expression.Single() == "Patient.meta.profile");
        outcome.Issue.Should().NotContain(i => i.Severity == IssueSeverity.Error);
    }

    [Fact]
    public async Task Instance_validate_checks_the_stored_resource_or_a_body_for_it_and_404s_an_unknown_id()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var observation = await server.CreateAsync(Resources.Age(patient.Id, 50));
        var changed = (Observation)observation.DeepCopy();
        changed.Status = ObservationStatus.Registered;

        var stored = await server.SendRawAsync(HttpMethod.Post, $"/fhir/Observation/{observation.Id}/$validate", null);
        var asUpdate = await ValidateAsync(server, $"/fhir/Observation/{observation.Id}/$validate", changed);
        var unknown = await server.SendAsync(HttpMethod.Post, "/fhir/Observation/no-such-id/$validate", changed);

        stored.StatusCode.Should().Be(HttpStatusCode.OK, await stored.Content.ReadAsStringAsync());
        (await stored.ReadResourceAsync<OperationOutcome>()).Issue.Should().NotContain(i => i.Severity == IssueSeverity.Error);
        asUpdate.Issue.Should().Contain(i => i.Severity == IssueSeverity.Error && i.Expression.Single().StartsWith("Observation.status"));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Validate_changes_nothing_in_the_database()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var before = await server.SnapshotAsync();
        var broken = Resources.Photo(patient.Id);
        broken.Content.ContentType = "image/gif";

        await ValidateAsync(server, "/fhir/Media/$validate", Resources.Photo(patient.Id));
        await ValidateAsync(server, "/fhir/Media/$validate", broken);
        await ValidateAsync(server, $"/fhir/Patient/{patient.Id}/$validate", patient);

        (await server.SnapshotAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task A_body_of_another_type_is_refused_with_400()
    {
        await using var server = await IntakeServer.StartAsync();
        var before = await server.SnapshotAsync();

        var response = await server.SendAsync(HttpMethod.Post, "/fhir/Media/$validate", Resources.Patient());

        await response.ShouldBeRefusedAsync(400, server, before);
    }

    private static async Task<OperationOutcome> ValidateAsync(IntakeServer server, string path, Resource body)
    {
        var response = await server.SendAsync(HttpMethod.Post, path, body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadResourceAsync<OperationOutcome>();
    }
}
