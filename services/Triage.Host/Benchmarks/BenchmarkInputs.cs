using Triage.Domain.ClinicalFeatures;
using Triage.Inference.Models;

namespace Triage.Host.Benchmarks;

/// <summary>
/// Seeded inputs of the model's shape: normalised pixels drawn from a standard normal and the encoding of an
/// empty feature set. A network's running time does not depend on what the pixels show.
/// </summary>
public static class BenchmarkInputs
{
    public static ClassifierInput[] Create(ModelContract contract, int count, int seed = 7)
    {
        var random = new Random(seed);
        var metadata = ClinicalFeatureEncoder.Encode(ClinicalFeatureSet.Empty);
        return [.. Enumerable.Range(0, count).Select(_ => new ClassifierInput(StandardNormal(random, contract.Input.TensorLength), metadata))];
    }

    private static float[] StandardNormal(Random random, int length)
    {
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            // Box-Muller.
            values[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        return values;
    }
}
