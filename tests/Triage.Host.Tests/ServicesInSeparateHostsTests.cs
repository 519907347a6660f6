using System.Net;
using Hangfire;
using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Triage.Fhir.Serialization;
using Triage.Host.Commands;
using Triage.Host.Composition;
using Triage.Intake.Subscriptions;
using Triage.Intake.Tests.Rest;
using Triage.Testing;
using Triage.Training.Jobs;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Triage.Host.Tests;

/// <summary>
/// The services split over two processes' worth of hosts, as separate containers run them: intake, inference and
/// training in one, the review UI alone in the other, on one database and a real RabbitMQ broker.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ServicesInSeparateHostsTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_review_service_alone_decides_a_case_the_other_services_flagged_and_the_EHR_and_training_hear_of_it()
    {
        var folder = TestPaths.NewTempFolder("triage-split");
        await using var backend = await RunningHost.StartInAsync(folder,
            "--ConnectionStrings:RabbitMq", Broker.Address, "--Triage:Services", "intake,inference,training",
            "--Intake:Review:MinimumConfidence", "1", "--Training:Jobs:NewCasesCheckCron", Cron.Never());
        var review = await RunningHost.StartInAsync(folder,
            "--ConnectionStrings:RabbitMq", Broker.Address, "--Triage:Services", "review",
            "--Review:SignIn:DevelopmentAccounts:0:UserName", "dr.ana", "--Review:SignIn:DevelopmentAccounts:0:Password", Password,
            "--Review:SignIn:DevelopmentAccounts:0:Roles:0", "reviewer");
        try
        {
            (await review.Client.GetAsync("/fhir/metadata")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the review process serves no FHIR API");
            (await backend.Client.GetAsync("/review/sign-in")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the back end serves no review UI");

            var (patientId, mediaId) = await backend.Client.PostCaseAsync(RealCases.CompleteCancer());
            await backend.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(60));
            var (caseId, status, taskId) = await QuerySingleAsync(backend,
                $"SELECT Id, Status, ReviewTaskId FROM Cases WHERE MediaId = '{mediaId}'", r => (r.GetGuid(0), r.GetString(1), r.GetString(2)));
            status.Should().Be("FlaggedForReview");

            await using var ehr = await SubscriptionReceiver.StartAsync();
            var subscription = ehr.Subscription(SubscriptionTopics.ReviewCompleted);
            (await backend.Client.PostAsync("/fhir/Subscription", subscription)).StatusCode.Should().Be(HttpStatusCode.Created);

            using var ana = await ReviewerClient.SignInAsync(review.Client.BaseAddress!, "dr.ana", Password);
            (await ana.GetPageAsync("/review")).Should().Contain(caseId.ToString(), "the worklist shows what the other process flagged");
            var decision = await ana.DecideAsync(caseId, await ana.GetPageAsync($"/review/cases/{caseId}"), "BCC");
            decision.StatusCode.Should().Be(HttpStatusCode.Redirect, await decision.Content.ReadAsStringAsync());

            var task = await (await backend.Client.GetAsync($"/fhir/Task/{taskId}")).ReadAsync<FhirTask>();
            task.Status.Should().Be(FhirTask.TaskStatus.Completed, "the back end's FHIR API reads what the review process wrote");
            var notification = (await ehr.WaitForAsync(1)).Should().ContainSingle("the back end delivers the notification the review process queued").Subject;
            FhirJson.Serialize(notification).Should().Contain($"Task/{taskId}");

            var checkRan = await WaitForSucceededNewCaseCheckAsync(backend, TimeSpan.FromSeconds(60));
            checkRan.Should().BeTrue("the CaseLabelled message crosses RabbitMQ to the training service, which runs the new-case check at once");
        }
        finally
        {
            await review.StopKeepingFilesAsync();
        }
    }

    [Theory]
    [InlineData("review", "needs the bus the other services use")]
    [InlineData("intake,scheduler", "unknown services: scheduler")]
    public async Task Serve_refuses_settings_that_cannot_make_a_working_process(string services, string reason)
    {
        var error = new StringWriter();
        var command = TriageCommandLine.Create().Parse(["serve", "--services", services, "--urls", "http://127.0.0.1:0"]);
        command.InvocationConfiguration.Error = error;

        var exitCode = await command.InvokeAsync();

        exitCode.Should().Be(2, "the command line's exit code for refused settings");
        error.ToString().Should().Contain(reason);
    }

    [Fact]
    public void Every_service_is_named_once_and_all_is_the_default()
    {
        HostedServices.Parse(null).Should().Be(HostedServices.All);
        HostedServices.Parse("all").Should().Be(HostedServices.All);
        HostedServices.Parse(" Review , intake").Should().Be(new HostedServices(Intake: true, Inference: false, Review: true, Training: false));
        HostedServices.Parse("review").ToString().Should().Be("review");
        FluentActions.Invoking(() => HostedServices.Parse(",")).Should().Throw<FormatException>().WithMessage("*no service*");
    }

    private static async Task<bool> WaitForSucceededNewCaseCheckAsync(RunningHost host, TimeSpan timeout)
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (monitoring.SucceededJobs(0, 100).Any(job => job.Value.Job?.Type == typeof(NewLabelledCasesJob)))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static async Task<T> QuerySingleAsync<T>(RunningHost host, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue(sql);
        return read(reader);
    }
}
