using Hl7.Fhir.Model;
using Triage.Host.Tests;
using Triage.Ml.PadUfes20;
using Triage.Testing;

namespace Triage.Review.Tests;

/// <summary>
/// The case view's earlier cases when the EHR names the lesion each photo shows: a real patient with one lesion
/// photographed twice and another lesion, posted as three cases.
/// </summary>
public sealed class EarlierPhotosTests
{
    [Fact]
    public async Task The_case_view_lists_earlier_photos_of_the_same_lesion_and_not_the_patient_other_lesions()
    {
        var (first, other, second) = PatientWithARephotographedLesion();
        await using var review = await ReviewHost.StartAsync("--Intake:Review:MinimumConfidence", "1");
        var firstCase = await PostFlaggedAsync(review, first);
        var otherCase = await PostFlaggedAsync(review, other);
        var secondCase = await PostFlaggedAsync(review, second);
        using var ana = await review.SignInAsync("dr.ana");

        var secondPage = await ana.GetPageAsync($"/review/cases/{secondCase}");
        var otherPage = await ana.GetPageAsync($"/review/cases/{otherCase}");

        secondPage.Should().Contain("Earlier photos of this lesion")
            .And.Contain($"/review/cases/{firstCase}", "the first photo is of the same lesion")
            .And.NotContain($"/review/cases/{otherCase}\"", "another lesion of the patient is not this lesion's history");
        otherPage.Should().Contain("id=\"no-earlier\"", "nothing earlier was photographed of that lesion");
    }

    /// <summary>Two photos of one lesion and one of another lesion of the same patient, in that order.</summary>
    private static (PadUfes20Case First, PadUfes20Case Other, PadUfes20Case Second) PatientWithARephotographedLesion()
    {
        var byPatient = PadUfes20Reader.Read(TestPaths.PadUfes20).GroupBy(c => c.PatientId).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var patient in byPatient)
        {
            var lesions = patient.GroupBy(c => c.LesionId).ToList();
            var twice = lesions.FirstOrDefault(l => l.Count() >= 2);
            var other = lesions.FirstOrDefault(l => l.Key != twice?.Key);
            if (twice is not null && other is not null)
            {
                return (twice.First(), other.First(), twice.Skip(1).First());
            }
        }

        throw new InvalidOperationException("The shared data has no patient with a lesion photographed twice and another lesion.");
    }

    private static async Task<Guid> PostFlaggedAsync(ReviewHost review, PadUfes20Case realCase)
    {
        var response = await review.Host.Client.PostAsync("/fhir", FhirClient.BundleFor(realCase));
        var answer = await response.ReadAsync<Bundle>();
        var mediaId = answer.Entry.Select(e => e.Response!.Location!).Single(l => l.StartsWith("Media/", StringComparison.Ordinal)).Split('/')[1];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var rows = await review.QueryAsync($"SELECT Id, Status FROM Cases WHERE MediaId = '{mediaId}'", r => (Id: r.GetGuid(0), Status: r.GetString(1)));
            if (rows is [{ Status: "FlaggedForReview" } flagged])
            {
                return flagged.Id;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, $"Media/{mediaId} should be classified and flagged (every case is, with MinimumConfidence 1)");
            await Task.Delay(100);
        }
    }
}
