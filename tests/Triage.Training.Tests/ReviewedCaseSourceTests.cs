using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Data.Images;
using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;
using Triage.Domain.Labels;
using Triage.Testing;
using Triage.Training.Corpus;
using Triage.Training.Pipeline;

namespace Triage.Training.Tests;

/// <summary>Labelled cases as the review flow stores them become training cases: photo on disk, features, the standing label.</summary>
public sealed class ReviewedCaseSourceTests
{
    [Fact]
    public async Task Reviewed_and_biopsied_cases_are_read_with_their_photo_features_and_label_and_a_case_without_a_diagnosis_is_left_out()
    {
        var folder = TestPaths.NewTempFolder("reviewed-cases");
        using var host = Build(folder);
        var features = ClinicalFeatureSet.Empty
            .With(ClinicalFeatureCatalogue.Age, FeatureValue.Of(67))
            .With(ClinicalFeatureCatalogue.Bleed, FeatureValue.Of(true))
            .With(ClinicalFeatureCatalogue.Region, FeatureValue.OfCategory("FACE"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            await db.Database.MigrateAsync();
            Add(db, "PAT_9001", "MEL", LabelSource.Biopsy, features, TestPaths.PadUfes20Image("PAT_46_881_939.png"));
            Add(db, "PAT_9002", "NEV", LabelSource.Dermatologist, ClinicalFeatureSet.Empty, TestImages.RealImagePaths()[1]);
            Add(db, "PAT_9003", "not-assessable", LabelSource.Dermatologist, ClinicalFeatureSet.Empty, TestImages.RealImagePaths()[2]);
            await db.SaveChangesAsync();
        }

        var source = host.Services.GetServices<ILabelledCaseSource>().OfType<ReviewedCaseSource>().Single();
        var cases = await source.ReadAsync(CancellationToken.None);

        cases.Should().HaveCount(2);
        var melanoma = cases.Single(c => c.Case.PatientId == "PAT_9001");
        (melanoma.Source, melanoma.Case.Diagnosis, melanoma.Case.Biopsied).Should().Be(("review", Diagnosis.MEL, true));
        melanoma.Case.Features.Known.Should().BeEquivalentTo(features.Known);
        (await File.ReadAllBytesAsync(melanoma.Case.ImagePath)).Should().Equal(await File.ReadAllBytesAsync(TestPaths.PadUfes20Image("PAT_46_881_939.png")));
        cases.Single(c => c.Case.PatientId == "PAT_9002").Case.Diagnosis.Should().Be(Diagnosis.NEV);
    }

    private static IHost Build(string folder)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Triage"] = $"Data Source={Path.Combine(folder, "triage.db")}",
            ["Training:Pipeline:ArtefactFolder"] = Path.Combine(folder, "runs"),
        });
        builder.AddTriageData();
        builder.Services.AddSingleton<ILabelledCaseSource, ReviewedCaseSource>();
        builder.Services.AddOptions<PipelineOptions>().Bind(builder.Configuration.GetSection(PipelineOptions.SectionName));
        return builder.Build();
    }

    private static void Add(TriageDbContext db, string patientId, string label, LabelSource source, ClinicalFeatureSet features, string photoPath)
    {
        var bytes = File.ReadAllBytes(photoPath);
        var image = new StoredImage
        {
            Id = Guid.NewGuid(), Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ContentType = "image/png",
            Content = bytes, ReceivedAt = DateTimeOffset.UtcNow,
        };
        db.Images.Add(image);
        var @case = new Data.Cases.TriageCase
        {
            Id = Guid.NewGuid(), PatientId = patientId, MediaId = Guid.NewGuid().ToString(), ImageId = image.Id,
            ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Cases.Add(@case);
        db.LabelledCases.Add(new Data.Labels.LabelledCase
        {
            Id = Guid.NewGuid(), CaseId = @case.Id, ImageId = image.Id, PatientId = patientId, Features = ClinicalFeatureJson.ToJson(features),
            Label = label, Source = source, LabelledBy = "dr.silva", LabelledAt = DateTimeOffset.UtcNow, ObservationId = Guid.NewGuid().ToString(),
        });
    }
}
