using Hl7.Fhir.Model;
using Triage.Contracts;
using Triage.Testing;

namespace Triage.Intake.Tests.Rest;

/// <summary>Lesion photos with a RiskAssessment, as they are once inference has answered.</summary>
internal static class ClassifiedPhotos
{
    /// <summary>
    /// Posts a photo, answers its classification as inference would (by default a likely BCC, which is flagged for review),
    /// and returns the RiskAssessment written.
    /// </summary>
    public static async Task<(Media Media, RiskAssessment RiskAssessment)> PostAsync(
        IntakeServer server, string patientId, Func<Guid, ClassificationCompleted>? answer = null)
    {
        var media = await server.CreateAsync(Resources.Photo(patientId));
        await server.Harness.Bus.Publish((answer ?? ResultWriteBackTests.Answer)(await CaseOfAsync(server, media.Id!)));
        return (media, await WrittenAsync(server, media.Id!));
    }

    public static async Task<Guid> CaseOfAsync(IntakeServer server, string mediaId) =>
        Guid.Parse((await server.QueryAsync("SELECT Id FROM Cases WHERE MediaId = $media", ("$media", mediaId))).Single()[0]!);

    /// <summary>The RiskAssessment of the photo's case, once the case has one.</summary>
    public static async Task<RiskAssessment> WrittenAsync(IntakeServer server, string mediaId)
    {
        string? id = null;
        await Poll.UntilAsync(async () =>
        {
            var rows = await server.QueryAsync("SELECT RiskAssessmentId FROM Cases WHERE MediaId = $media", ("$media", mediaId));
            id = rows.Single()[0];
            return id is not null;
        }, $"the RiskAssessment of Media/{mediaId}");
        return await (await server.Client.GetAsync($"/fhir/RiskAssessment/{id}")).ReadResourceAsync<RiskAssessment>();
    }
}
