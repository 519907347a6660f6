using Microsoft.Data.Sqlite;
using Triage.Domain.Diagnoses;
using Triage.Ml.PadUfes20;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>Real cases posted through FHIR as an EHR posts them, until the platform has flagged enough of them for review.</summary>
public static class FlaggedCases
{
    /// <summary>Biopsied cancers with every feature known, one per patient, in image id order: the most likely to be flagged.</summary>
    public static IEnumerable<PadUfes20Case> Candidates() =>
        PadUfes20Reader.Read(TestPaths.PadUfes20).Where(c => c.Diagnosis.IsCancer() && c.Features.IsComplete)
            .DistinctBy(c => c.PatientId).OrderBy(c => c.ImageId, StringComparer.Ordinal);

    /// <summary>Posts candidates one at a time, each waited for until classified, until <paramref name="count"/> are flagged.</summary>
    /// <returns>The flagged cases' ids with the real case each was posted from, most recent last.</returns>
    public static async Task<IReadOnlyList<(Guid CaseId, PadUfes20Case Source)>> PostFlaggedCasesAsync(
        this RunningHost host, IEnumerable<PadUfes20Case> candidates, int count)
    {
        var flagged = new List<(Guid, PadUfes20Case)>();
        foreach (var realCase in candidates.Take(count * 4))
        {
            var (patientId, mediaId) = await host.Client.PostCaseAsync(realCase);
            await host.Client.WaitForRiskAssessmentAsync(patientId, TimeSpan.FromSeconds(60));
            var (caseId, status) = await host.CaseOfMediaAsync(mediaId);
            if (status == "FlaggedForReview")
            {
                flagged.Add((caseId, realCase));
                if (flagged.Count == count)
                {
                    return flagged;
                }
            }
        }

        throw new InvalidOperationException($"Only {flagged.Count} of the real cases posted were flagged for review.");
    }

    /// <summary>The case the platform opened for a posted Media, read from the host's SQLite file.</summary>
    public static async Task<(Guid CaseId, string Status)> CaseOfMediaAsync(this RunningHost host, string mediaId)
    {
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status FROM Cases WHERE MediaId = $media";
        command.Parameters.AddWithValue("$media", mediaId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetString(1)) : throw new InvalidOperationException($"No case for Media/{mediaId}.");
    }
}
