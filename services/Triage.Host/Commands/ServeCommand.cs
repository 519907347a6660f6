using System.CommandLine;

namespace Triage.Host.Commands;

/// <summary>
/// <c>serve</c>: every service in one process. Unrecognised arguments go to ASP.NET configuration,
/// e.g. <c>--urls http://0.0.0.0:5080</c> or <c>--ConnectionStrings:RabbitMq amqp://localhost</c>.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run intake, inference and results in one process (embedded defaults).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = TriageHost.Build([.. parse.UnmatchedTokens]);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
