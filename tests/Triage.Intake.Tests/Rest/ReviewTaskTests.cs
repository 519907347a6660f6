using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Triage.Fhir.Terminology;
using Triage.Intake.Review;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Intake.Tests.Rest;

/// <summary>A flagged result gets a review Task (the source of truth) and its case waits for it; an unflagged one gets neither.</summary>
public sealed class ReviewTaskTests
{
    [Fact]
    public async Task A_suspicious_result_orders_an_urgent_dermatologist_review_of_the_risk_assessment()
    {
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?> { ["Intake:Review:Owner"] = "Organization/dermatology" });
        var patient = await server.CreateAsync(Resources.Patient());
        var (media, riskAssessment) = await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.LikelyMelanoma));

        var (status, taskId) = await CaseAsync(server, media.Id!);
        status.Should().Be("FlaggedForReview");
        var task = await WriteBackTests.ReadAsync<FhirTask>(server, $"Task/{taskId}");
        task.Status.Should().Be(FhirTask.TaskStatus.Requested);
        task.Intent.Should().Be(FhirTask.TaskIntent.Order);
        task.Priority.Should().Be(RequestPriority.Urgent);
        task.Focus.Reference.Should().Be($"RiskAssessment/{riskAssessment.Id}");
        task.For.Reference.Should().Be($"Patient/{patient.Id}");
        task.Owner.Reference.Should().Be("Organization/dermatology");
        task.Requester.Reference.Should().Be(riskAssessment.Performer.Reference);
        task.Code.Coding.Single().Code.Should().Be(ResultTerminology.DermatologistReview);
        task.ReasonCode.Coding.Single().Code.Should().Be("suspicious");
        task.AuthoredOn.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_escalated_unsure_result_names_every_reason()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var unsure = new[] { 0.30, 0.05, 0.05, 0.30, 0.05, 0.25 };
        var (media, _) = await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByTeacher(c, unsure, unsure));

        var task = await WriteBackTests.ReadAsync<FhirTask>(server, $"Task/{(await CaseAsync(server, media.Id!)).TaskId}");
        task.Priority.Should().Be(RequestPriority.Routine);
        task.ReasonCode.Coding.Single().Code.Should().Be("low-confidence");
        task.Input.Select(i => ((CodeableConcept)i.Value).Coding.Single().Code).Should().Equal("low-confidence", "escalated");
        task.Owner.Should().BeNull("no owner is configured");
    }

    [Fact]
    public async Task Both_models_answers_are_kept_for_the_review_worklist()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var student = new[] { 0.40, 0.10, 0.05, 0.35, 0.05, 0.05 };
        var teacher = new[] { 0.10, 0.50, 0.10, 0.20, 0.05, 0.05 };
        var (media, _) = await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByTeacher(c, student, teacher));

        var row = (await server.QueryAsync(
            "SELECT r.DecidedBy, r.SuggestedDiagnosis, r.CancerProbability, r.StudentProbabilities, r.TeacherProbabilities, r.EscalationReasons " +
            "FROM CaseResults r JOIN Cases c ON c.Id = r.CaseId WHERE c.MediaId = $media", ("$media", media.Id!))).Single();
        row[0].Should().Be("teacher");
        row[1].Should().Be("BCC", "the teacher decided");
        double.Parse(row[2]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(0.65, 1e-9);
        row[3].Should().Be("[0.4,0.1,0.05,0.35,0.05,0.05]");
        row[4].Should().Be("[0.1,0.5,0.1,0.2,0.05,0.05]");
        row[5].Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_confident_benign_result_is_not_flagged()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var (media, _) = await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus));

        (await CaseAsync(server, media.Id!)).Should().Be(("Classified", null));
        (await server.CountAsync("FhirResources WHERE ResourceType = 'Task'")).Should().Be(0);
    }

    [Fact]
    public async Task The_thresholds_come_from_configuration()
    {
        await using var server = await IntakeServer.StartAsync(new Dictionary<string, string?>
        {
            ["Intake:Review:CancerProbability"] = "0.05", ["Intake:Review:MinimumConfidence"] = "0",
        });
        var patient = await server.CreateAsync(Resources.Patient());
        var (media, _) = await ClassifiedPhotos.PostAsync(server, patient.Id!, c => Answers.ByStudent(c, Answers.ConfidentNevus));

        (await CaseAsync(server, media.Id!)).Status.Should().Be("FlaggedForReview", "cancer 0.06 reaches a threshold of 0.05");
    }

    [Theory]
    [InlineData("Intake:Review:CancerProbability", "1.5")]
    [InlineData("Intake:Review:MinimumConfidence", "-0.1")]
    [InlineData("Intake:Review:Owner", "dermatology")]
    [InlineData("Intake:Review:Owner", "Dermatologist/1")]
    public async Task Settings_that_make_no_sense_stop_the_start(string key, string value)
    {
        var start = () => IntakeServer.StartAsync(new Dictionary<string, string?> { [key] = value });

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(key);
    }

    private static async Task<(string? Status, string? TaskId)> CaseAsync(IntakeServer server, string mediaId)
    {
        var row = (await server.QueryAsync("SELECT Status, ReviewTaskId FROM Cases WHERE MediaId = $media", ("$media", mediaId))).Single();
        return (row[0], row[1]);
    }
}
