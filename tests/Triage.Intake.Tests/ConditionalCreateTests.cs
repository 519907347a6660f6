using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Fhir.Errors;

namespace Triage.Intake.Tests;

/// <summary>If-None-Exist by identifier, backed by the identifiers' unique key.</summary>
public sealed class ConditionalCreateTests
{
    private const string System = "https://ehr.example.org/patients";

    private static Patient PatientWith(string system, string value) =>
        new() { Identifier = [new Identifier(system, value)] };

    private static IncomingResource Conditional(Resource resource, string condition) => new(resource, null, "resource", condition);

    [Fact]
    public async Task A_matching_condition_returns_the_existing_resource_and_creates_nothing()
    {
        await using var intake = await IntakeHost.StartAsync();
        var first = (await intake.CreateWithOutcomesAsync(Conditional(PatientWith(System, "p-1"), $"identifier={System}|p-1")))[0];
        var second = (await intake.CreateWithOutcomesAsync(Conditional(PatientWith(System, "p-1"), $"identifier={System}|p-1")))[0];

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Resource.Id.Should().Be(first.Resource.Id);
        (await intake.DbAsync(db => db.Resources.CountAsync(r => r.ResourceType == "Patient"))).Should().Be(1);
    }

    [Fact]
    public async Task A_photo_posted_again_with_its_condition_opens_no_second_case()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        Media Photo()
        {
            var media = Resources.Photo(patient.Id);
            media.Identifier = [new Identifier("https://ehr.example.org/photos", "img-9")];
            return media;
        }

        await intake.CreateWithOutcomesAsync(Conditional(Photo(), "identifier=https://ehr.example.org/photos|img-9"));
        var again = (await intake.CreateWithOutcomesAsync(Conditional(Photo(), "identifier=https://ehr.example.org/photos|img-9")))[0];

        again.Created.Should().BeFalse();
        (await intake.DbAsync(db => db.Cases.CountAsync())).Should().Be(1);
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_condition_matching_several_resources_is_refused_with_412()
    {
        await using var intake = await IntakeHost.StartAsync();
        await intake.CreateAsync(PatientWith("https://a.example.org", "same"), PatientWith("https://b.example.org", "same"));

        var create = () => intake.CreateWithOutcomesAsync(Conditional(PatientWith("https://c.example.org", "same"), "identifier=same"));

        (await create.Should().ThrowAsync<FhirRequestException>()).Which.StatusCode.Should().Be(412);
        (await intake.DbAsync(db => db.Resources.CountAsync())).Should().Be(2);
    }

    [Theory]
    [InlineData("name=Smith")]
    [InlineData("identifier=")]
    [InlineData("identifier=a|b&name=c")]
    public async Task Conditions_other_than_one_identifier_are_refused(string condition)
    {
        await using var intake = await IntakeHost.StartAsync();

        var create = () => intake.CreateWithOutcomesAsync(Conditional(PatientWith(System, "x"), condition));

        (await create.Should().ThrowAsync<FhirRequestException>()).Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task Conditional_create_of_an_observation_is_refused_rather_than_ignored()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];

        var create = () => intake.CreateWithOutcomesAsync(Conditional(Resources.Age(patient.Id, 50), "identifier=x|y"));

        (await create.Should().ThrowAsync<FhirRequestException>()).Which.StatusCode.Should().Be(400);
    }

    [Fact]
    public async Task The_database_refuses_a_second_resource_with_the_same_identifier()
    {
        await using var intake = await IntakeHost.StartAsync();
        await intake.CreateAsync(PatientWith(System, "p-2"));

        var duplicate = () => intake.CreateAsync(PatientWith(System, "p-2"));

        await duplicate.Should().ThrowAsync<DbUpdateException>();
        (await intake.DbAsync(db => db.Resources.CountAsync())).Should().Be(1);
    }
}
