using System.Diagnostics;

namespace Triage.Host.Tests;

/// <summary>The real RabbitMQ broker that tests/run-all.sh starts (a virtual host of its own per run).</summary>
public static class Broker
{
    public static string Address =>
        Environment.GetEnvironmentVariable("TRIAGE_RABBITMQ") ?? "amqp://guest:guest@localhost:5672/";

    /// <summary>Stops the RabbitMQ application (the Erlang node stays up) until <see cref="StartAsync"/>.</summary>
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    public static async Task StartAsync()
    {
        await RabbitMqCtlAsync("start_app");
        await RabbitMqCtlAsync("await_startup");
    }

    private static async Task RabbitMqCtlAsync(string verb)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", verb)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"rabbitmqctl {verb} failed: {await error}");
    }
}
