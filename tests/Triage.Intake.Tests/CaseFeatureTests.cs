using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Contracts;
using Triage.Domain.Cases;
using Triage.Domain.ClinicalFeatures;
using Triage.Testing;

namespace Triage.Intake.Tests;

/// <summary>Which Observations a photo's case uses, and that late ones do not classify it twice.</summary>
public sealed class CaseFeatureTests
{
    private static float AgeSlot(float[] features) =>
        features[ClinicalFeatureEncoder.SlotNames.ToList().IndexOf(ClinicalFeatureCatalogue.Age)];

    [Fact]
    public async Task Observations_posted_before_the_photo_are_used_and_gender_comes_from_the_patient()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var age = (await intake.CreateAsync(Resources.Age(patient.Id, 64)))[0];

        var media = (await intake.CreateAsync(Resources.Photo(patient.Id)))[0];

        var @case = await intake.DbAsync(db => db.Cases.SingleAsync());
        @case.MediaId.Should().Be(media.Id);
        @case.ObservationIds.Should().Equal(age.Id);
        await Poll.UntilAsync(() => intake.Harness.Published.Select<ClassificationRequested>().Any(), "ClassificationRequested published");
        var request = intake.Harness.Published.Select<ClassificationRequested>().Single().Context.Message;
        AgeSlot(request.Features).Should().BeApproximately(0.64f, 1e-6f);
        request.Features[ClinicalFeatureEncoder.SlotNames.ToList().IndexOf("gender=FEMALE")].Should().Be(1f);
    }

    [Fact]
    public async Task Observations_about_another_photo_are_not_used()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var first = (await intake.CreateAsync(Resources.Photo(patient.Id)))[0];
        await intake.CreateAsync(Resources.Age(patient.Id, 70, mediaId: first.Id));

        var second = (await intake.CreateAsync(Resources.Photo(patient.Id)))[0];

        var secondCase = await intake.DbAsync(db => db.Cases.SingleAsync(c => c.MediaId == second.Id));
        secondCase.ObservationIds.Should().BeEmpty();
    }

    [Fact]
    public async Task Observations_older_than_the_window_are_not_used()
    {
        await using var intake = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["Intake:FeatureWindow"] = "00:00:00" });
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        await intake.CreateAsync(Resources.Age(patient.Id, 64));
        await Task.Delay(20);

        await intake.CreateAsync(Resources.Photo(patient.Id));

        (await intake.DbAsync(db => db.Cases.SingleAsync())).ObservationIds.Should().BeEmpty();
    }

    [Fact]
    public async Task With_a_wait_after_the_photo_an_observation_posted_after_it_is_used_and_the_case_is_classified_once()
    {
        await using var intake = await IntakeHost.StartAsync(new Dictionary<string, string?> { ["Intake:FeatureWaitAfterPhoto"] = "00:00:01.5" });
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var media = (await intake.CreateAsync(Resources.Photo(patient.Id)))[0];
        var waiting = await intake.DbAsync(db => db.Cases.SingleAsync());
        waiting.Status.Should().Be(CaseStatus.Received);
        waiting.ClassifyAfter.Should().NotBeNull();
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(0, "nothing is sent while the case waits");

        var age = (await intake.CreateAsync(Resources.Age(patient.Id, 64)))[0];

        var sent = await WaitForStatusAsync(intake, media.Id, CaseStatus.Queued);
        sent.ObservationIds.Should().Equal(age.Id);
        sent.ClassifyAfter.Should().BeNull();
        await Poll.UntilAsync(() => intake.Harness.Published.Select<ClassificationRequested>().Any(), "ClassificationRequested published");
        AgeSlot(intake.Harness.Published.Select<ClassificationRequested>().Single().Context.Message.Features).Should().BeApproximately(0.64f, 1e-6f);

        await intake.CreateAsync(Resources.Age(patient.Id, 65, mediaId: media.Id));
        await Task.Delay(1000);
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(1, "an Observation after the wait classifies nothing again");
    }

    [Fact]
    public async Task Without_a_wait_the_photo_is_sent_for_classification_in_the_same_unit_of_work()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];

        await intake.CreateAsync(Resources.Photo(patient.Id));

        var @case = await intake.DbAsync(db => db.Cases.SingleAsync());
        (@case.Status, @case.ClassifyAfter).Should().Be((CaseStatus.Queued, (DateTimeOffset?)null));
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(1);
    }

    private static async Task<Triage.Data.Cases.TriageCase> WaitForStatusAsync(IntakeHost intake, string mediaId, CaseStatus status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var @case = await intake.DbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.MediaId == mediaId));
            if (@case.Status == status)
            {
                return @case;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"the case of Media/{mediaId} should reach {status}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_observation_arriving_after_the_photo_is_stored_but_classifies_nothing_again()
    {
        await using var intake = await IntakeHost.StartAsync();
        var patient = (await intake.CreateAsync(Resources.Patient()))[0];
        var media = (await intake.CreateAsync(Resources.Photo(patient.Id)))[0];
        await Poll.UntilAsync(() => intake.Harness.Published.Select<ClassificationRequested>().Any(), "ClassificationRequested published");

        var late = (await intake.CreateAsync(Resources.Age(patient.Id, 50, mediaId: media.Id)))[0];

        (await intake.DbAsync(db => db.Resources.CountAsync(r => r.ResourceId == late.Id))).Should().Be(1);
        (await intake.DbAsync(db => db.Cases.CountAsync())).Should().Be(1);
        (await intake.DbAsync(db => db.Outbox.CountAsync())).Should().Be(1);
    }
}
