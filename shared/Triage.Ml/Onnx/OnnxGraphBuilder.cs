using Google.Protobuf;
using Onnx;

namespace Triage.Ml.Onnx;

/// <summary>
/// Builds an ONNX model on the onnx.proto classes: initializers, nodes, float inputs and outputs
/// whose first dimension may be symbolic, one opset import and metadata properties.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName, long opsetVersion = OnnxGraphBuilder.DefaultOpset)
{
    public const long DefaultOpset = 17;

    /// <summary>The name of the symbolic (dynamic) dimension: the batch.</summary>
    public const string BatchSymbol = "N";

    /// <summary>ONNX IR version 8 is the one that goes with opset 17.</summary>
    private const long IrVersion = 8;

    private readonly GraphProto _graph = new() { Name = graphName };
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private int _nodeCount;

    /// <summary>A float constant; returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>An int64 constant (shapes, axes); returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.AddRange(dims);
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values));
        _graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node with one output named <paramref name="output"/>; returns that name.</summary>
    public string Node(string opType, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodeCount++}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    /// <summary>A float32 graph input; a null dimension is symbolic (named after <paramref name="symbol"/>).</summary>
    public void Input(string name, params long?[] dims) => _graph.Input.Add(FloatValue(name, dims));

    public void Output(string name, params long?[] dims) => _graph.Output.Add(FloatValue(name, dims));

    public void Metadata(string key, string value) => _metadata[key] = value;

    public ModelProto Build(string producerName = "Triage.Ml")
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = producerName,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opsetVersion });
        foreach (var (key, value) in _metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    private static ValueInfoProto FloatValue(string name, long?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is { } size
                ? new TensorShapeProto.Types.Dimension { DimValue = size }
                : new TensorShapeProto.Types.Dimension { DimParam = BatchSymbol });
        }

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}
