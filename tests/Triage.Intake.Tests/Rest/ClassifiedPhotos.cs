using Hl7.Fhir.Model;
using Microsoft.Data.Sqlite;

namespace Triage.Intake.Tests.Rest;

/// <summary>Lesion photos with a RiskAssessment, as they are once inference has answered.</summary>
internal static class ClassifiedPhotos
{
    /// <summary>Posts a photo, answers its classification as inference would, and returns the RiskAssessment written.</summary>
    public static async Task<(Media Media, RiskAssessment RiskAssessment)> PostAsync(IntakeServer server, string patientId)
    {
        var media = await server.CreateAsync(Resources.Photo(patientId));
        await server.Harness.Bus.Publish(ResultWriteBackTests.Answer(await CaseOfAsync(server, media.Id!)));
        for (var i = 0; i < 100; i++)
        {
            var search = await (await server.Client.GetAsync($"/fhir/RiskAssessment?subject=Patient/{patientId}")).ReadResourceAsync<Bundle>();
            if (search.Entry.Select(e => (RiskAssessment)e.Resource).FirstOrDefault(r => r.Basis.Any(b => b.Reference == $"Media/{media.Id}")) is { } written)
            {
                return (media, written);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The RiskAssessment was never written.");
    }

    private static async Task<Guid> CaseOfAsync(IntakeServer server, string mediaId)
    {
        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM Cases WHERE MediaId = $media";
        command.Parameters.AddWithValue("$media", mediaId);
        return Guid.Parse((string)(await command.ExecuteScalarAsync())!);
    }
}
