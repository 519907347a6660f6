using Onnx;
using Triage.Ml.Onnx;

namespace Triage.Ml.Baseline;

/// <summary>Writes a <see cref="BaselineModel"/> as an ONNX file that meets docs/model-contract.md.</summary>
public static class BaselineOnnxExporter
{
    public static ModelProto Export(BaselineModel model)
    {
        var (width, height) = (model.Description.Input.Width, model.Description.Input.Height);
        int features = model.FeatureCount, classes = model.ClassCount;
        if (model.FeatureMean.Length != features || model.FeatureStd.Length != features || model.Weights.Length != classes * features)
        {
            throw new ArgumentException($"The model's parameters do not fit {features} features and {classes} classes.", nameof(model));
        }

        var graph = new OnnxGraphBuilder("baseline");
        graph.Input("image", null, 3, height, width);
        graph.Input("metadata", null, model.MetadataWidth);

        var colour = ColourFeatures.AddTo(graph, "image", width, height);
        var all = graph.Node("Concat", [colour, "metadata"], "features", OnnxAttributes.Int("axis", 1));
        var centred = graph.Node("Sub", [all, graph.Initializer("feature_mean", model.FeatureMean, features)], "features_centred");
        var standardised = graph.Node("Div", [centred, graph.Initializer("feature_std", model.FeatureStd, features)], "features_standardised");
        var weights = graph.Initializer("weights", model.Weights, classes, features);
        var bias = graph.Initializer("bias", model.Bias, classes);
        graph.Node("Gemm", [standardised, weights, bias], "logits", OnnxAttributes.Int("transB", 1));

        float[] temperature = [model.Description.CalibrationTemperature];
        var scaled = graph.Node("Div", ["logits", graph.Initializer("temperature", temperature, 1)], "logits_scaled");
        graph.Node("Softmax", [scaled], "probabilities", OnnxAttributes.Int("axis", -1));
        graph.Output("logits", null, classes);
        graph.Output("probabilities", null, classes);

        foreach (var (key, value) in model.Description.ToMetadata())
        {
            graph.Metadata(key, value);
        }

        return graph.Build();
    }

    public static void Write(BaselineModel model, string path) => OnnxModelFile.Write(Export(model), path);
}
