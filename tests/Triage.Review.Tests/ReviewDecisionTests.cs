using System.Net;
using Hl7.Fhir.Model;
using Triage.Domain.Review;
using Triage.Fhir.Serialization;
using Triage.Fhir.Terminology;
using Triage.Testing;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Review.Tests;

/// <summary>Decisions over real HTTP on real flagged cases: what they write, what they refuse, and who may decide.</summary>
public sealed class ReviewDecisionTests(EightFlaggedCases fixture) : IClassFixture<EightFlaggedCases>
{
    private ReviewHost Review => fixture.Review;

    [Fact]
    public async Task A_decision_completes_the_task_writes_a_final_observation_and_stores_a_labelled_case()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");
        var page = await ana.GetPageAsync($"/review/cases/{caseId}");

        var response = await ana.DecideAsync(caseId, page, "MEL", note: "Asymmetric, several colours.");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var (status, taskId, reviewedBy) = await Review.QuerySingleAsync(
            $"SELECT Status, ReviewTaskId, ReviewedBy FROM Cases WHERE Id = '{Db(caseId)}'", r => (r.GetString(0), r.GetString(1), r.GetString(2)));
        (status, reviewedBy).Should().Be(("Reviewed", "dr.ana"));

        var task = await ReadAsync<FhirTask>($"Task/{taskId}");
        task.Status.Should().Be(FhirTask.TaskStatus.Completed);
        task.Meta.VersionId.Should().Be("2");
        task.Owner.Identifier.Value.Should().Be("dr.ana");
        var diagnosis = task.Output.Single(o => o.Type.Coding[0].Code == ReviewTerminology.OutputDiagnosis).Value.Should().BeOfType<CodeableConcept>().Subject;
        diagnosis.Coding.Single().Should().Match<Coding>(c => c.System == TriageTerminology.PadUfes20System && c.Code == "MEL");
        var observationRef = task.Output.Single(o => o.Type.Coding[0].Code == ReviewTerminology.OutputObservation).Value.Should().BeOfType<ResourceReference>().Subject;

        var observation = await ReadAsync<Observation>(observationRef.Reference);
        observation.Status.Should().Be(ObservationStatus.Final);
        observation.Code.Coding.Single().Code.Should().Be(ReviewTerminology.DermatologistDiagnosis);
        ((CodeableConcept)observation.Value).Coding.Single().Code.Should().Be("MEL");
        observation.Performer.Single().Identifier.Value.Should().Be("dr.ana");
        observation.Note.Single().Text.Should().Be("Asymmetric, several colours.");
        await ShouldBeValidAgainstItsProfileAsync(observationRef.Reference!);
        await ShouldBeValidAgainstItsProfileAsync($"Task/{taskId}");

        var label = await Review.QuerySingleAsync(
            $"SELECT Label, Source, LabelledBy, Features, ObservationId, ImageId = (SELECT ImageId FROM Cases WHERE Id = '{Db(caseId)}') FROM LabelledCases WHERE CaseId = '{Db(caseId)}'",
            r => (Label: r.GetString(0), Source: r.GetString(1), By: r.GetString(2), Features: r.GetString(3), Observation: r.GetString(4), SameImage: r.GetBoolean(5)));
        (label.Label, label.Source, label.By, label.SameImage).Should().Be(("MEL", "Dermatologist", "dr.ana", true));
        $"Observation/{label.Observation}".Should().Be(observationRef.Reference);
        label.Features.Should().Contain("\"age\":").And.Contain("\"region\":");
        (await Review.CountAsync($"Outbox WHERE MessageType = 'Triage.Contracts.CaseLabelled' AND Payload LIKE '%\"caseId\":\"{caseId}\"%'"))
            .Should().Be(1, "retraining hears of the labelled case through the outbox");
    }

    [Fact]
    public async Task An_EHR_subscribed_to_completed_reviews_of_the_patient_is_notified_of_the_decision()
    {
        var caseId = fixture.TakeCase();
        var (patientId, taskId) = await Review.QuerySingleAsync(
            $"SELECT PatientId, ReviewTaskId FROM Cases WHERE Id = '{Db(caseId)}'", r => (r.GetString(0), r.GetString(1)));
        await using var ehr = await Triage.Intake.Tests.Rest.SubscriptionReceiver.StartAsync();
        var subscription = ehr.Subscription(Triage.Intake.Subscriptions.SubscriptionTopics.ReviewCompleted);
        subscription.CriteriaElement.AddExtension(
            Triage.Intake.Subscriptions.SubscriptionTopics.FilterCriteriaExtension, new FhirString($"Task?patient=Patient/{patientId}"));
        (await Triage.Host.Tests.FhirClient.PostAsync(Review.Host.Client, "/fhir/Subscription", subscription)).StatusCode.Should().Be(HttpStatusCode.Created);
        using var ana = await Review.SignInAsync("dr.ana");

        var response = await ana.DecideAsync(caseId, await ana.GetPageAsync($"/review/cases/{caseId}"), "BCC");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var notification = (await ehr.WaitForAsync(1)).Should().ContainSingle("one review completed for this patient").Subject;
        FhirJson.Serialize(notification).Should().Contain($"Task/{taskId}");
    }

    [Fact]
    public async Task A_photo_that_cannot_be_assessed_completes_the_task_without_a_training_label()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");

        var response = await ana.DecideAsync(caseId, await ana.GetPageAsync($"/review/cases/{caseId}"), "not-assessable", note: "Out of focus.");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var taskId = await Review.QuerySingleAsync($"SELECT ReviewTaskId FROM Cases WHERE Id = '{Db(caseId)}' AND Status = 'Reviewed'", r => r.GetString(0));
        var task = await ReadAsync<FhirTask>($"Task/{taskId}");
        task.Status.Should().Be(FhirTask.TaskStatus.Completed);
        var outcome = (CodeableConcept)task.Output.Single(o => o.Type.Coding[0].Code == ReviewTerminology.OutputDiagnosis).Value;
        outcome.Coding.Single().Should().Match<Coding>(c => c.System == ReviewTerminology.ReviewOutcomeSystem && c.Code == ReviewTerminology.NotAssessable);
        (await Review.CountAsync($"LabelledCases WHERE CaseId = '{Db(caseId)}'")).Should().Be(0, "no diagnosis to learn from");
    }

    [Theory]
    [InlineData("XYZ", "", "Choose one of the six diagnoses")]
    [InlineData("", "", "Choose one of the six diagnoses")]
    [InlineData("NEV", "cancer", "A biopsy result must be one of the six diagnoses")]
    public async Task Bad_input_is_refused_with_a_clear_message_and_changes_nothing(string diagnosis, string biopsy, string message)
    {
        var caseId = fixture.TakeCaseForReuse();
        using var ana = await Review.SignInAsync("dr.ana");
        var page = await ana.GetPageAsync($"/review/cases/{caseId}");
        var before = await Review.CountAsync("FhirResources");

        var response = await ana.DecideAsync(caseId, page, diagnosis, biopsy);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
        (await Review.CountAsync("FhirResources")).Should().Be(before);
        (await Review.CountAsync($"LabelledCases WHERE CaseId = '{Db(caseId)}'")).Should().Be(0);
        (await Review.QuerySingleAsync($"SELECT Status FROM Cases WHERE Id = '{Db(caseId)}'", r => r.GetString(0))).Should().Be("FlaggedForReview");
    }

    [Fact]
    public async Task A_second_reviewer_cannot_decide_a_case_the_first_has_open()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");
        using var ben = await Review.SignInAsync("dr.ben");
        var anasPage = await ana.GetPageAsync($"/review/cases/{caseId}");

        var bensPage = await ben.GetPageAsync($"/review/cases/{caseId}");
        bensPage.Should().Contain("dr.ana is reviewing this case");
        var refused = await ben.DecideAsync(caseId, bensPage, "NEV");
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("dr.ana is reviewing this case").And.Contain("nothing was saved");

        (await ana.DecideAsync(caseId, anasPage, "BCC")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var late = await ben.DecideAsync(caseId, bensPage, "NEV");
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadAsStringAsync()).Should().Contain("already decided by dr.ana");
        (await Review.QuerySingleAsync($"SELECT Label FROM LabelledCases WHERE CaseId = '{Db(caseId)}'", r => r.GetString(0))).Should().Be("BCC");
    }

    [Fact]
    public async Task A_later_biopsy_result_overrides_the_clinical_label()
    {
        var caseId = fixture.TakeCase();
        using var ana = await Review.SignInAsync("dr.ana");
        (await ana.DecideAsync(caseId, await ana.GetPageAsync($"/review/cases/{caseId}"), "NEV")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var ben = await Review.SignInAsync("dr.ben");

        var response = await ben.RecordBiopsyAsync(caseId, await ben.GetPageAsync($"/review/cases/{caseId}"), "MEL");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var label = await Review.QuerySingleAsync($"SELECT Label, Source, LabelledBy, ObservationId FROM LabelledCases WHERE CaseId = '{Db(caseId)}'",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        (label.Item1, label.Item2, label.Item3).Should().Be(("MEL", "Biopsy", "dr.ben"));
        (await Review.CountAsync($"Outbox WHERE MessageType = 'Triage.Contracts.CaseLabelled' AND Payload LIKE '%\"caseId\":\"{caseId}\"%'")).Should().Be(2, "labelled, then relabelled");
        var biopsy = await ReadAsync<Observation>($"Observation/{label.Item4}");
        biopsy.Code.Coding.Single().Code.Should().Be(ReviewTerminology.BiopsyDiagnosis);

        (await ana.GetPageAsync($"/review/cases/{caseId}")).Should().Contain("Training label: <strong>MEL</strong> from biopsy");
    }

    [Fact]
    public async Task The_review_pages_need_a_signed_in_reviewer()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Review.Address };
        var toSignIn = await anonymous.GetAsync("/review");
        toSignIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toSignIn.Headers.Location!.ToString().Should().Contain("/review/sign-in");
        (await anonymous.GetAsync($"/review/images/{Guid.NewGuid()}/thumbnail")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var clerk = await Review.SignInAsync("clerk");
        var denied = await clerk.GetAsync("/review");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().Should().Contain("/review/denied");

        var wrong = await FluentActions.Awaiting(() => Review.SignInAsync("dr.ana", "guess")).Should().ThrowAsync<Exception>();
        wrong.Which.Message.Should().Contain("Unauthorized");
    }

    [Fact]
    public async Task The_worklist_pages_through_every_flagged_case_with_counts_and_light_thumbnails()
    {
        using var ana = await Review.SignInAsync("dr.ana");
        var flagged = await Review.CountAsync("Cases WHERE Status IN ('FlaggedForReview', 'Reviewed')");

        var first = await ana.GetPageAsync("/review?status=All");
        var rows = await AllRowsAsync(ana, "/review?status=All");

        first.Should().Contain($"data-count=\"done\"><strong>{await Review.CountAsync("Cases WHERE Status = 'Reviewed'")}</strong>");
        RowsIn(first).Should().HaveCount(3, "three rows a page");
        rows.Should().HaveCount((int)flagged).And.OnlyHaveUniqueItems();
        var imageId = System.Text.RegularExpressions.Regex.Match(first, "/review/images/([0-9a-f-]+)/thumbnail").Groups[1].Value;
        var thumbnail = await ana.GetAsync($"/review/images/{imageId}/thumbnail");
        thumbnail.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await thumbnail.Content.ReadAsByteArrayAsync()).Length.Should().BeLessThan(30_000);
    }

    [Fact]
    public async Task The_worklist_filters_by_status_suggested_diagnosis_and_age()
    {
        using var ana = await Review.SignInAsync("dr.ana");
        var suggestions = await Review.QueryAsync(
            "SELECT c.Id, r.SuggestedDiagnosis, c.Status FROM Cases c JOIN CaseResults r ON r.CaseId = c.Id", r => (Id: r.GetGuid(0), Suggested: r.GetString(1), Status: r.GetString(2)));
        var suggested = suggestions[0].Suggested;

        (await AllRowsAsync(ana, $"/review?status=All&suggested={suggested}")).Should().BeEquivalentTo(suggestions.Where(s => s.Suggested == suggested).Select(s => s.Id));
        (await AllRowsAsync(ana, "/review?status=Done")).Should().BeEquivalentTo(suggestions.Where(s => s.Status == "Reviewed").Select(s => s.Id));
        (await AllRowsAsync(ana, "/review?status=All&age=Today")).Should().HaveCount(suggestions.Count, "every case was flagged minutes ago");
        (await AllRowsAsync(ana, "/review?status=All&age=OlderThanAWeek")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_worklist_shows_waiting_cases_in_the_urgency_order_of_the_domain_rule()
    {
        using var ana = await Review.SignInAsync("dr.ana");
        var waiting = await Review.QueryAsync(
            "SELECT c.Id, r.CancerProbability, r.EscalationReasons, c.FlaggedAt FROM Cases c JOIN CaseResults r ON r.CaseId = c.Id WHERE c.Status = 'FlaggedForReview'",
            r => (Id: r.GetGuid(0), Urgency: new ReviewUrgency(r.GetDouble(1), r.GetString(2).Length > 0, new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero))));
        waiting.Should().HaveCountGreaterThanOrEqualTo(3, "the other tests decide at most five of the eight cases");

        var rows = await AllRowsAsync(ana, "/review");

        rows.Should().Equal(waiting.OrderBy(w => w.Urgency, ReviewUrgencyOrder.MostUrgentFirst).ThenBy(w => w.Id).Select(w => w.Id));
    }

    /// <summary>The case ids of every row of a worklist query, following the pages' "Next" links.</summary>
    private static async Task<List<Guid>> AllRowsAsync(ReviewerClient reviewer, string query)
    {
        var rows = new List<Guid>();
        for (string? next = query; next is not null;)
        {
            rows.Count.Should().BeLessThan(100, "the pages must end");
            var page = await reviewer.GetPageAsync(next);
            rows.AddRange(RowsIn(page));
            var link = System.Text.RegularExpressions.Regex.Match(page, "<a href=\"([^\"]+)\" rel=\"next\">");
            next = link.Success ? System.Net.WebUtility.HtmlDecode(link.Groups[1].Value) : null;
        }

        return rows;
    }

    private static IEnumerable<Guid> RowsIn(string page) =>
        System.Text.RegularExpressions.Regex.Matches(page, "<tr data-case=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value));

    [Fact]
    public async Task An_unexpected_error_shows_the_reviewer_a_page_with_its_reference_and_no_internals()
    {
        var caseId = fixture.TakeCase();
        var taskId = await Review.QuerySingleAsync($"SELECT ReviewTaskId FROM Cases WHERE Id = '{Db(caseId)}'", r => r.GetString(0));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Review.Host.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var corrupt = connection.CreateCommand();
            corrupt.CommandText = $"UPDATE FhirResources SET Json = '{{\"resourceType\": \"Task\", \"status\": 7' WHERE ResourceType = 'Task' AND ResourceId = '{taskId}'";
            (await corrupt.ExecuteNonQueryAsync()).Should().BeGreaterThan(0, "the case's Task row is what the case view reads");
        }

        using var ana = await Review.SignInAsync("dr.ana");

        var response = await ana.GetAsync($"/review/cases/{caseId}");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Should().Contain("Something went wrong").And.Contain("id=\"trace-id\"")
            .And.NotContain("Exception", "no stack trace or exception type reaches the reviewer");
    }

    /// <summary>The stored resource, through the FHIR API's <c>$validate</c>: valid against the profile it claims.</summary>
    private async Task ShouldBeValidAgainstItsProfileAsync(string reference)
    {
        var response = await Review.Host.Client.PostAsync($"/fhir/{reference}/$validate", null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        FhirJson.Parse<OperationOutcome>(body).Issue.Should().NotContain(i => i.Severity == OperationOutcome.IssueSeverity.Error, body);
    }

    private async Task<T> ReadAsync<T>(string reference)
        where T : Resource
    {
        var response = await Review.Host.Client.GetAsync($"/fhir/{reference}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return FhirJson.Parse(body).Should().BeOfType<T>().Subject;
    }

    /// <summary>Guids as EF Core stores them in SQLite.</summary>
    public static string Db(Guid id) => id.ToString().ToUpperInvariant();
}
