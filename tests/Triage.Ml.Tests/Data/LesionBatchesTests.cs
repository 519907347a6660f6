using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Ml.PadUfes20;
using Triage.Ml.Data;
using Triage.Testing;

namespace Triage.Ml.Tests.Data;

public sealed class LesionBatchesTests : IDisposable
{
    private static readonly ModelInputSpec Spec = ModelInputSpec.ImageNet(24);
    private static readonly ImageDecoder Decoder = new(ImageLimits.Default);
    private readonly IReadOnlyList<PadUfes20Case> _cases = PadUfes20Reader.Read(TestData.Subset("batches", 30));
    private readonly LesionPhotoCache _photos;

    public LesionBatchesTests() => _photos = LesionPhotoCache.Load(_cases, 64, Decoder);

    public void Dispose() => _photos.Dispose();

    private LesionBatches Batches => new(_cases, _photos, Spec);

    [Fact]
    public void The_same_seed_gives_the_same_training_batches_and_another_seed_does_not()
    {
        var first = Batches.Training(8, new Random(7), AugmentationOptions.Default, CaseSampling.Shuffled, new MetadataDropout()).ToList();
        var again = Batches.Training(8, new Random(7), AugmentationOptions.Default, CaseSampling.Shuffled, new MetadataDropout()).ToList();
        var other = Batches.Training(8, new Random(8), AugmentationOptions.Default, CaseSampling.Shuffled, new MetadataDropout()).ToList();

        first.Select(b => b.Count).Should().Equal(8, 8, 8, 6);
        first.Zip(again).Should().OnlyContain(p => p.First.Images.SequenceEqual(p.Second.Images) && p.First.Metadata.SequenceEqual(p.Second.Metadata));
        first[0].Images.SequenceEqual(other[0].Images).Should().BeFalse();
    }

    [Fact]
    public void A_shuffled_epoch_shows_every_case_once_with_its_label()
    {
        var batches = Batches.Training(7, new Random(1), AugmentationOptions.None, CaseSampling.Shuffled, MetadataDropout.None).ToList();

        var shown = batches.SelectMany(b => b.CaseIndices).ToList();
        shown.Should().BeEquivalentTo(Enumerable.Range(0, _cases.Count));
        batches.SelectMany(b => b.CaseIndices.Zip(b.Labels)).Should().OnlyContain(p => p.Second == (long)_cases[p.First].Diagnosis);
    }

    [Fact]
    public void Class_balanced_sampling_draws_each_class_about_equally()
    {
        var labels = Enumerable.Repeat(0, 90).Concat(Enumerable.Repeat(1, 9)).Concat(Enumerable.Repeat(2, 1)).ToList();
        var random = new Random(5);
        var draws = Enumerable.Range(0, 200).SelectMany(_ => CaseOrder.ForEpoch(labels, CaseSampling.ClassBalanced, random)).ToList();

        var share = draws.GroupBy(i => labels[i]).ToDictionary(g => g.Key, g => g.Count() / (double)draws.Count);
        share.Values.Should().OnlyContain(s => Math.Abs(s - 1.0 / 3) < 0.02);
    }

    [Fact]
    public void Metadata_dropout_withholds_everything_when_asked()
    {
        var batch = Batches.Training(30, new Random(2), AugmentationOptions.None, CaseSampling.Shuffled, new MetadataDropout(0, 1)).Single();

        var nothingKnown = ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty);
        batch.Metadata.Chunk(ClinicalFeatureEncoder.Width).Should().OnlyContain(row => row.SequenceEqual(nothingKnown));
    }

    [Fact]
    public void Evaluation_batches_are_exactly_what_the_inference_service_computes()
    {
        var preprocessor = new ImagePreprocessor(Decoder);
        var batch = Batches.Evaluation(5, MetadataVariant.AsRecorded, preprocessor).First();

        var expected = preprocessor.Preprocess(File.ReadAllBytes(_cases[0].ImagePath), Spec);
        batch.Images.AsSpan(0, Spec.TensorLength).ToArray().Should().Equal(expected);
        batch.Metadata.AsSpan(0, ClinicalFeatureEncoder.Width).ToArray().Should().Equal(ClinicalFeatureEncoder.Encode(_cases[0].Features));
    }
}
