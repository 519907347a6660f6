using System.CommandLine;
using Triage.Data;
using Triage.Intake.Search;

namespace Triage.Host.Commands;

/// <summary>
/// <c>reindex [settings]</c>: rebuilds the FHIR search index of every current resource in the database the settings
/// name (<c>--ConnectionStrings:Triage</c>), printing its progress. Safe beside a running host on the same database.
/// </summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the FHIR search index of every stored resource (after a search parameter was added or changed).");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([.. parse.UnmatchedTokens, "--" + DataServiceExtensions.OutboxRelaySetting, "false"]);
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
            builder.AddTriageData();
            using var host = builder.Build();
            await host.StartAsync(cancellationToken);
            try
            {
                await using var scope = host.Services.CreateAsyncScope();
                var output = parse.InvocationConfiguration.Output;
                var reindexer = new SearchReindexer(scope.ServiceProvider.GetRequiredService<TriageDbContext>());
                var done = await reindexer.ReindexAsync(new PrintedProgress(output), cancellationToken);
                await output.WriteLineAsync($"reindexed {done.Resources:N0} resources: {done.IndexRows:N0} index rows");
                return 0;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });
        return command;
    }

    /// <summary>A line per batch, written as it is reported (not posted to another thread, as <see cref="Progress{T}"/> would).</summary>
    private sealed class PrintedProgress(TextWriter output) : IProgress<ReindexProgress>
    {
        public void Report(ReindexProgress value) =>
            output.WriteLine($"reindexed {value.Resources:N0}/{value.Total:N0} resources ({value.IndexRows:N0} index rows)");
    }
}
