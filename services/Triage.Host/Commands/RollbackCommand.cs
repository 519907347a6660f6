using System.CommandLine;
using Triage.Training.Promotion;

namespace Triage.Host.Commands;

/// <summary>
/// <c>rollback --to VERSION --reason TEXT [settings]</c>: moves the registry's <c>champion</c> alias back to an
/// earlier student version (with its audit row) and announces <c>ModelPromoted</c> on the configured bus, so
/// every inference instance on it swaps. Exit code 2 when the registry refuses.
/// </summary>
internal static class RollbackCommand
{
    public const int Refused = 2;

    public static Command Create()
    {
        var version = new Option<string>("--to") { Description = "The student version to serve again (triage.model_version).", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why, for the audit row.", Required = true };
        var command = new Command("rollback", "Make an earlier student version the champion again and announce it.") { version, reason };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var app = TrainingCommandHost.Build(parse.UnmatchedTokens);
            await app.StartAsync(cancellationToken);
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var champion = await scope.ServiceProvider.GetRequiredService<ChampionRollback>().RollbackAsync(
                    parse.GetRequiredValue(version), $"{Environment.UserName} (command line)", parse.GetRequiredValue(reason), cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"champion is now {champion.Version} ({champion.ArtefactPath}); ModelPromoted queued in the outbox for the bus");
                return 0;
            }
            catch (RollbackRefusedException refused)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(refused.Message);
                return Refused;
            }
            finally
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }
        });
        return command;
    }
}
