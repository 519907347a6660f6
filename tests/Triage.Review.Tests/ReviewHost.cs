using Microsoft.Data.Sqlite;
using Triage.Host.Tests;
using Triage.Testing;

namespace Triage.Review.Tests;

/// <summary>
/// The real embedded host (real HTTP, a real SQLite file, the released model) with two reviewer accounts, and real
/// PAD-UFES-20 cases posted through FHIR until the pipeline has flagged enough of them for review.
/// </summary>
public sealed class ReviewHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";

    private ReviewHost(RunningHost host) => Host = host;

    public RunningHost Host { get; }

    public Uri Address => Host.Client.BaseAddress!;

    public static async Task<ReviewHost> StartAsync(params string[] settings)
    {
        string[] accounts =
        [
            "--Review:SignIn:DevelopmentAccounts:0:UserName", "dr.ana", "--Review:SignIn:DevelopmentAccounts:0:Password", Password,
            "--Review:SignIn:DevelopmentAccounts:0:DisplayName", "Dr Ana Costa", "--Review:SignIn:DevelopmentAccounts:0:Roles:0", "reviewer",
            "--Review:SignIn:DevelopmentAccounts:1:UserName", "dr.ben", "--Review:SignIn:DevelopmentAccounts:1:Password", Password,
            "--Review:SignIn:DevelopmentAccounts:1:DisplayName", "Dr Ben Silva", "--Review:SignIn:DevelopmentAccounts:1:Roles:0", "reviewer",
            "--Review:SignIn:DevelopmentAccounts:2:UserName", "clerk", "--Review:SignIn:DevelopmentAccounts:2:Password", Password,
            "--Review:SignIn:DevelopmentAccounts:2:DisplayName", "Ward Clerk", "--Review:SignIn:DevelopmentAccounts:2:Roles:0", "clerk",
        ];
        return new ReviewHost(await RunningHost.StartAsync([.. accounts, .. settings]));
    }

    /// <summary>Posts real cancers, one patient each, until <paramref name="count"/> are flagged; their case ids, most recent last.</summary>
    public async Task<IReadOnlyList<Guid>> PostFlaggedCasesAsync(int count, int skip = 0) =>
        [.. (await Host.PostFlaggedCasesAsync(FlaggedCases.Candidates().Skip(skip), count)).Select(flagged => flagged.CaseId)];

    public Task<ReviewerClient> SignInAsync(string userName, string password = Password) => ReviewerClient.SignInAsync(Address, userName, password);

    /// <summary>One row of a query against the host's SQLite file, read through a separate connection.</summary>
    public async Task<T> QuerySingleAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        var rows = await QueryAsync(sql, read);
        return rows.Should().ContainSingle(sql).Subject;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection($"Data Source={Host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public Task<long> CountAsync(string tableAndCondition) =>
        QuerySingleAsync($"SELECT COUNT(*) FROM {tableAndCondition}", r => r.GetInt64(0));

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
