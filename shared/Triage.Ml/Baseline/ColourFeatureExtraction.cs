using Triage.Imaging;
using Triage.Ml.PadUfes20;

namespace Triage.Ml.Baseline;

/// <summary>Preprocesses each case's image exactly as inference does and keeps its colour features.</summary>
public static class ColourFeatureExtraction
{
    /// <returns>The colour features of each case, or null where the image was rejected.</returns>
    public static async Task<float[]?[]> ComputeAsync(
        IReadOnlyList<PadUfes20Case> cases, ModelInputSpec spec, ImagePreprocessor preprocessor, CancellationToken cancellationToken)
    {
        var results = new float[]?[cases.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, cases.Count, parallel, async (i, token) =>
        {
            var bytes = await File.ReadAllBytesAsync(cases[i].ImagePath, token);
            try
            {
                var tensor = preprocessor.Preprocess(bytes, spec);
                var features = new float[ColourFeatures.Count];
                ColourFeatures.Compute(tensor, spec.Width, spec.Height, features);
                results[i] = features;
            }
            catch (ImageRejectedException)
            {
                results[i] = null;
            }
        });
        return results;
    }
}
