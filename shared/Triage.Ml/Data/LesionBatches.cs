using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Ml.PadUfes20;

namespace Triage.Ml.Data;

/// <summary>
/// Batches of PAD-UFES-20 cases for training (augmented, metadata dropped at random, shuffled or
/// class-balanced) and for evaluation (the whole photo resized, exactly as the inference service does).
/// </summary>
public sealed class LesionBatches(IReadOnlyList<PadUfes20Case> cases, LesionPhotoCache photos, ModelInputSpec spec)
{
    private readonly int[] _labels = cases.Select(c => (int)c.Diagnosis).ToArray();

    public int Count => cases.Count;

    public ModelInputSpec Spec => spec;

    public IReadOnlyList<int> Labels => _labels;

    public IEnumerable<LesionBatch> Training(
        int batchSize, Random random, AugmentationOptions augmentation, CaseSampling sampling, MetadataDropout dropout)
    {
        var augment = new TrainingAugmentation(augmentation);
        var order = CaseOrder.ForEpoch(_labels, sampling, random);
        foreach (var chunk in order.Chunk(batchSize))
        {
            // Draw every random choice on this thread, in order, so a seed gives the same batches.
            var seeds = chunk.Select(_ => random.Next()).ToArray();
            var variants = chunk.Select(_ => dropout.Draw(random)).ToArray();
            yield return Build(chunk, variants, (index, slot, destination) =>
            {
                using var augmented = augment.Apply(photos[index], spec.Width, spec.Height, new Random(seeds[slot]));
                ImageTensor.WriteChw(augmented, spec, destination);
            });
        }
    }

    public IEnumerable<LesionBatch> Evaluation(int batchSize, MetadataVariant variant, ImagePreprocessor preprocessor)
    {
        foreach (var chunk in Enumerable.Range(0, cases.Count).Chunk(batchSize))
        {
            yield return Build(chunk, chunk.Select(_ => variant).ToArray(), (index, _, destination) =>
                preprocessor.Preprocess(File.ReadAllBytes(cases[index].ImagePath), spec, destination));
        }
    }

    private delegate void WriteImage(int caseIndex, int slot, Span<float> destination);

    private LesionBatch Build(int[] indices, MetadataVariant[] variants, WriteImage writeImage)
    {
        var width = ClinicalFeatureEncoder.Width;
        var images = new float[indices.Length * spec.TensorLength];
        var metadata = new float[indices.Length * width];
        Parallel.For(0, indices.Length, slot =>
            writeImage(indices[slot], slot, images.AsSpan(slot * spec.TensorLength, spec.TensorLength)));
        for (var slot = 0; slot < indices.Length; slot++)
        {
            var features = MetadataWithholding.Apply(cases[indices[slot]].Features, variants[slot]);
            ClinicalFeatureEncoder.Encode(features).CopyTo(metadata, slot * width);
        }

        return new LesionBatch(images, metadata, indices.Select(i => (long)_labels[i]).ToArray(), indices);
    }
}
