namespace Triage.Host.Tests;

/// <summary>
/// The same flow over a real RabbitMQ broker, and faults that must lose nothing: the host stopped
/// right after accepting a case, and the broker down while a case arrives.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class RabbitMqFlowTests
{
    private static Task<RunningHost> StartOnRabbitMqAsync(string? folder = null) =>
        RunningHost.StartInAsync(folder, "--ConnectionStrings:RabbitMq", Broker.Address);

    [Fact]
    public async Task A_real_case_flows_through_RabbitMQ()
    {
        await using var host = await StartOnRabbitMqAsync();
        var ready = await (await host.Client.GetAsync("/health/ready")).Content.ReadAsStringAsync();
        ready.Should().Contain("rabbitmq://", "the bus must really be RabbitMQ");

        var realCase = RealCases.CompleteCancer();
        var (patientId, mediaId) = await host.Client.PostCaseAsync(realCase);

        var risk = await host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(30));
        risk.ShouldBeTheAnswerFor(patientId, mediaId);
    }

    [Fact]
    public async Task A_case_accepted_just_before_the_host_stops_is_classified_after_it_restarts()
    {
        var host = await StartOnRabbitMqAsync();
        var folder = host.Folder;
        var (patientId, mediaId) = await host.Client.PostCaseAsync(RealCases.Any(11));
        await host.StopKeepingFilesAsync();

        await using var restarted = await StartOnRabbitMqAsync(folder);
        var risk = await restarted.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(60));
        risk.ShouldBeTheAnswerFor(patientId, mediaId);
    }

    [Fact]
    public async Task A_case_accepted_while_the_broker_is_down_is_classified_when_it_returns()
    {
        await using var host = await StartOnRabbitMqAsync();
        (string PatientId, string MediaId) accepted;
        await Broker.StopAsync();
        try
        {
            accepted = await host.Client.PostCaseAsync(RealCases.Any(17));
        }
        finally
        {
            await Broker.StartAsync();
        }

        var risk = await host.Client.WaitForRiskAssessmentAsync(accepted.PatientId, TimeSpan.FromSeconds(90));
        risk.ShouldBeTheAnswerFor(accepted.PatientId, accepted.MediaId);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ broker";
}
