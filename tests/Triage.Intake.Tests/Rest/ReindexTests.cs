using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Triage.Data;
using Triage.Intake.Search;

namespace Triage.Intake.Tests.Rest;

/// <summary>
/// The search index is rebuilt from the stored resources: what a search parameter finds after a reindex is what it
/// found when the resources were written, however many batches it takes (two resources a batch here).
/// </summary>
public sealed class ReindexTests
{
    [Fact]
    public async Task Searches_find_again_after_a_reindex_what_they_found_before_the_index_was_lost()
    {
        await using var server = await IntakeServer.StartAsync();
        var patient = await server.CreateAsync(Resources.Patient());
        var taken = Resources.Photo(patient.Id!);
        taken.Created = new FhirDateTime("2026-11-20");
        var photo = await server.CreateAsync(taken);
        await server.CreateAsync(Resources.Age(patient.Id, 61, mediaId: photo.Id));
        var (_, riskAssessment) = await ClassifiedPhotos.PostAsync(server, patient.Id!);
        string[] searches =
        [
            $"/fhir/Observation?focus=Media/{photo.Id}", "/fhir/Media?created=ge2000-01-01",
            $"/fhir/Provenance?target=RiskAssessment/{riskAssessment.Id}", $"/fhir/Task?focus=RiskAssessment/{riskAssessment.Id}",
        ];
        var before = await MatchesAsync(server, searches);
        var rows = await server.CountAsync("SearchIndex");
        await using (var connection = new SqliteConnection($"Data Source={server.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM SearchIndex";
            await delete.ExecuteNonQueryAsync();
        }

        var lost = await MatchesAsync(server, searches);

        ReindexProgress done;
        List<ReindexProgress> reported = [];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            done = await new SearchReindexer(scope.ServiceProvider.GetRequiredService<TriageDbContext>(), batchSize: 2)
                .ReindexAsync(new SynchronousProgress(reported.Add), CancellationToken.None);
        }

        before.Should().OnlyContain(ids => ids.Count > 0);
        lost.Should().OnlyContain(ids => ids.Count == 0);
        (await MatchesAsync(server, searches)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        (await server.CountAsync("SearchIndex")).Should().Be(rows);
        done.IndexRows.Should().Be((int)rows);
        done.Resources.Should().Be(done.Total).And.BeGreaterThan(5);
        reported.Should().NotBeEmpty().And.EndWith(done);
    }

    private static async Task<List<List<string>>> MatchesAsync(IntakeServer server, IEnumerable<string> searches)
    {
        List<List<string>> matches = [];
        foreach (var search in searches)
        {
            matches.Add([.. (await server.SearchAsync(search)).MatchIds()]);
        }

        return matches;
    }

    private sealed class SynchronousProgress(Action<ReindexProgress> report) : IProgress<ReindexProgress>
    {
        public void Report(ReindexProgress value) => report(value);
    }
}
