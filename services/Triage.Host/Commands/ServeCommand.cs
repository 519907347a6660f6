using System.CommandLine;
using Triage.Host.Composition;

namespace Triage.Host.Commands;

/// <summary>
/// <c>serve [--services LIST]</c>: the platform's services in one process, all of them by default. Unrecognised
/// arguments go to ASP.NET configuration, e.g. <c>--urls http://0.0.0.0:5080</c> or
/// <c>--ConnectionStrings:RabbitMq amqp://localhost</c>. Exit code 2 when the settings cannot make a working process.
/// </summary>
internal static class ServeCommand
{
    public const int Refused = 2;

    public static Command Create()
    {
        var services = new Option<string?>("--services")
        {
            Description = $"Comma-separated services to run here ({string.Join(", ", HostedServices.Names)}; default all). " +
                          "Running some needs RabbitMQ and the database shared with the processes running the others.",
        };
        var command = new Command("serve", "Run the platform: FHIR intake, inference, the review UI and training (embedded defaults).")
        {
            services,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            string[] settings = parse.GetValue(services) is { } selected ? [$"--{HostedServices.ConfigurationKey}", selected] : [];
            WebApplication app;
            try
            {
                app = TriageHost.Build([.. parse.UnmatchedTokens, .. settings]);
            }
            catch (HostCompositionException refused)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(refused.Message);
                return Refused;
            }

            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
