using Onnx;
using Triage.Imaging;
using Triage.Ml.Onnx;

namespace Triage.Ml.Baseline;

/// <summary>Baseline-shaped ONNX files with seeded random weights, for tests of the code that runs models.</summary>
public static class TestModels
{
    public static BaselineModel RandomBaseline(TestModelOptions options)
    {
        var random = new Random(options.Seed);
        float Uniform(float low, float high) => low + (high - low) * random.NextSingle();

        var features = ColourFeatures.Count + options.MetadataWidth;
        var spec = ModelInputSpec.ImageNet(options.InputWidth) with { Height = options.InputHeight };
        var description = new ModelDescription(
            options.Name, options.Version, BaselineModel.Architecture, spec, options.FeatureEncoding, options.Temperature);
        return new BaselineModel(
            description,
            options.MetadataWidth,
            FeatureMean: Enumerable.Range(0, features).Select(_ => Uniform(-0.5f, 0.5f)).ToArray(),
            FeatureStd: Enumerable.Range(0, features).Select(_ => Uniform(0.5f, 2f)).ToArray(),
            Weights: Enumerable.Range(0, options.ClassCount * features).Select(_ => Uniform(-1f, 1f)).ToArray(),
            Bias: Enumerable.Range(0, options.ClassCount).Select(_ => Uniform(-1f, 1f)).ToArray());
    }

    public static ModelProto Build(TestModelOptions options)
    {
        var model = BaselineOnnxExporter.Export(RandomBaseline(options));
        foreach (var entry in model.MetadataProps.ToList())
        {
            if (entry.Key == options.OmitMetadataKey)
            {
                model.MetadataProps.Remove(entry);
            }
            else if (options.MetadataOverrides.TryGetValue(entry.Key, out var value))
            {
                entry.Value = value;
            }
        }

        if (options.FixedBatch)
        {
            foreach (var value in model.Graph.Input.Concat(model.Graph.Output))
            {
                value.Type.TensorType.Shape.Dim[0] = new TensorShapeProto.Types.Dimension { DimValue = 1 };
            }
        }

        return model;
    }

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, TestModelOptions? options = null)
    {
        OnnxModelFile.Write(Build(options ?? new TestModelOptions()), path);
        return path;
    }
}
