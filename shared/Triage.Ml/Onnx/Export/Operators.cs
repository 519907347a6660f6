using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Onnx.Export;

/// <summary>The ONNX operators (opset 17) the networks are written with.</summary>
internal static class Operators
{
    private static readonly float SquareRootOfTwo = MathF.Sqrt(2);

    public static string Conv(this ExportGraph graph, string name, string input, Conv2d conv) =>
        graph.Conv(name, input, conv, conv.weight, conv.bias);

    /// <summary>A convolution with <paramref name="conv"/>'s geometry and the given (possibly folded) weights.</summary>
    public static string Conv(this ExportGraph graph, string name, string input, Conv2d conv, Tensor weight, Tensor? bias)
    {
        if (conv.transposed || conv.padding_mode != PaddingModes.Zeros || conv.padding is not { } padding)
        {
            throw new NotSupportedException($"{name}: only convolutions with explicit zero padding are exported.");
        }

        List<string> inputs = [input, graph.Weight(name + ".weight", weight)];
        if (bias is not null)
        {
            inputs.Add(graph.Weight(name + ".bias", bias));
        }

        return graph.Node("Conv", name, inputs,
            OnnxAttributes.Ints("kernel_shape", conv.kernel_size),
            OnnxAttributes.Ints("strides", conv.stride),
            OnnxAttributes.Ints("pads", [.. padding, .. padding]),
            OnnxAttributes.Ints("dilations", conv.dilation),
            OnnxAttributes.Int("group", conv.groups));
    }

    /// <summary><c>x Wᵀ + b</c> over the last axis, whatever the input's rank.</summary>
    public static string Linear(this ExportGraph graph, string name, string input, Tensor weight, Tensor? bias)
    {
        var product = graph.Node("MatMul", name + ".matmul", [input, graph.Weight(name + ".weight_t", weight.t())]);
        return bias is null ? product : graph.Node("Add", name, [product, graph.Weight(name + ".bias", bias)]);
    }

    /// <summary>Normalises over the last axis.</summary>
    public static string LayerNorm(this ExportGraph graph, string name, string input, Tensor weight, Tensor bias, double epsilon) =>
        graph.Node("LayerNormalization", name, [input, graph.Weight(name + ".weight", weight), graph.Weight(name + ".bias", bias)],
            OnnxAttributes.Int("axis", -1), OnnxAttributes.Float("epsilon", (float)epsilon));

    public static string SiLU(this ExportGraph graph, string name, string input) =>
        graph.Mul(name, input, graph.Sigmoid(name + ".sigmoid", input));

    /// <summary>The exact GELU: <c>0.5 x (1 + erf(x / √2))</c>.</summary>
    public static string Gelu(this ExportGraph graph, string name, string input)
    {
        var error = graph.Node("Erf", name + ".erf", graph.Node("Div", name + ".scaled", [input, graph.Scalar(SquareRootOfTwo)]));
        var gate = graph.Node("Add", name + ".gate", [error, graph.Scalar(1)]);
        return graph.Mul(name, graph.Mul(name + ".gated", input, gate), graph.Scalar(0.5f));
    }

    public static string Sigmoid(this ExportGraph graph, string name, string input) => graph.Node("Sigmoid", name, input);

    public static string Relu(this ExportGraph graph, string name, string input) => graph.Node("Relu", name, input);

    public static string Mul(this ExportGraph graph, string name, string left, string right) => graph.Node("Mul", name, [left, right]);

    public static string Add(this ExportGraph graph, string name, string left, string right) => graph.Node("Add", name, [left, right]);

    public static string Transpose(this ExportGraph graph, string name, string input, params long[] order) =>
        graph.Node("Transpose", name, input, OnnxAttributes.Ints("perm", order));

    public static string Reduce(this ExportGraph graph, string opType, string name, string input, params long[] axes) =>
        graph.Node(opType, name, input, OnnxAttributes.Ints("axes", axes), OnnxAttributes.Int("keepdims", 1));

    public static string Concat(this ExportGraph graph, string name, long axis, params string[] inputs) =>
        graph.Node("Concat", name, inputs, OnnxAttributes.Int("axis", axis));

    /// <summary>[N, C, H, W] to [N, C]: the global average.</summary>
    public static string PoolToVector(this ExportGraph graph, string name, string input) =>
        graph.Node("Flatten", name, graph.Node("GlobalAveragePool", name + ".average", input), OnnxAttributes.Int("axis", 1));
}
