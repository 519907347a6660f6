using Onnx;
using static TorchSharp.torch;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// Nodes and weights for <see cref="OnnxGraphBuilder"/> named after the module paths they come from:
/// every value name is unique, a parameter used twice is stored once, scalars are shared.
/// </summary>
internal sealed class ExportGraph(OnnxGraphBuilder builder)
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<Tensor, string> _weights = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<float, string> _scalars = [];

    /// <summary>A float32 initializer holding <paramref name="tensor"/>'s values.</summary>
    public string Weight(string name, Tensor tensor)
    {
        if (_weights.TryGetValue(tensor, out var existing))
        {
            return existing;
        }

        using var values = tensor.detach().to(ScalarType.Float32).cpu().contiguous();
        var stored = builder.Initializer(Unique(name), values.data<float>().ToArray(), values.shape);
        _weights[tensor] = stored;
        return stored;
    }

    public string Scalar(float value)
    {
        if (!_scalars.TryGetValue(value, out var name))
        {
            name = builder.Initializer(Unique($"constant_{value:R}"), [value], []);
            _scalars[value] = name;
        }

        return name;
    }

    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes) =>
        builder.Node(opType, inputs, Unique(name), attributes);

    public string Node(string opType, string name, string input, params AttributeProto[] attributes) =>
        Node(opType, name, [input], attributes);

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 2; !_names.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }
}
