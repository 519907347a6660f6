using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Triage.Intake.Bundles;

namespace Triage.Intake.Tests;

/// <summary>A batch creates each entry on its own, each with its own status.</summary>
public sealed class BatchBundleTests
{
    [Fact]
    public async Task A_bad_entry_fails_alone_and_the_good_ones_are_created()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var batch = new Bundle { Type = Bundle.BundleType.Batch };
        var badAge = Resources.Age(patient.Id, 64);
        badAge.Value = new Quantity(-4, "a");
        foreach (var resource in new Resource[] { Resources.Age(patient.Id, 64), badAge, Resources.Patient() })
        {
            batch.Entry.Add(new Bundle.EntryComponent
            {
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
            });
        }

        var response = await intake.InScopeAsync(s => s.GetRequiredService<BundleHandler>().HandleAsync(batch, CancellationToken.None));

        response.Type.Should().Be(Bundle.BundleType.BatchResponse);
        response.Entry.Select(e => e.Response.Status).Should().Equal("201 Created", "422 Unprocessable Entity", "201 Created");
        response.Entry[1].Response.Outcome.Should().BeOfType<OperationOutcome>()
            .Which.Issue.Should().ContainSingle(i => i.Expression.Any(e => e.Contains("value")));
        (await intake.DbAsync(db => db.Resources.CountAsync(r => r.ResourceType == "Observation"))).Should().Be(1);
        (await intake.DbAsync(db => db.Resources.CountAsync(r => r.ResourceType == "Patient"))).Should().Be(2);
    }

    [Fact]
    public async Task A_transaction_with_one_bad_entry_creates_nothing()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var transaction = new Bundle { Type = Bundle.BundleType.Transaction };
        var badAge = Resources.Age(patient.Id, 64);
        badAge.Value = new Quantity(200, "a");
        foreach (var resource in new Resource[] { Resources.Patient(), Resources.Photo(patient.Id), badAge })
        {
            transaction.Entry.Add(new Bundle.EntryComponent
            {
                Resource = resource,
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName },
            });
        }

        var handle = () => intake.InScopeAsync(s => s.GetRequiredService<BundleHandler>().HandleAsync(transaction, CancellationToken.None));

        (await handle.Should().ThrowAsync<Triage.Fhir.Errors.FhirRequestException>()).Which.StatusCode.Should().Be(422);
        (await intake.DbAsync(db => db.Resources.CountAsync())).Should().Be(1);
        (await intake.DbAsync(db => db.Cases.CountAsync())).Should().Be(0);
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(0);
    }
}
