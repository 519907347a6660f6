using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// Stores every float32 initializer of more than one value as float16 and casts it back to float32
/// under its original name, so that the graph itself is unchanged. Scalars (constants such as 1e-30 that
/// float16 cannot hold) and tensors with values beyond float16's range stay float32.
/// </summary>
internal static class Float16Weights
{
    private const int Float = (int)TensorProto.Types.DataType.Float;
    private const int Float16 = (int)TensorProto.Types.DataType.Float16;

    public static ModelProto Apply(ModelProto model)
    {
        var casts = new List<NodeProto>();
        foreach (var tensor in model.Graph.Initializer)
        {
            if (tensor.DataType != Float || tensor.Dims.Aggregate(1L, (n, d) => n * d) <= 1 || ToHalves(tensor) is not { } halves)
            {
                continue;
            }

            var original = tensor.Name;
            tensor.Name = original + ".float16";
            tensor.DataType = Float16;
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(halves.AsSpan()));
            var cast = new NodeProto { OpType = "Cast", Name = $"Cast_{original}" };
            cast.Input.Add(tensor.Name);
            cast.Output.Add(original);
            cast.Attribute.Add(OnnxAttributes.Int("to", Float));
            casts.Add(cast);
        }

        for (var i = 0; i < casts.Count; i++)
        {
            model.Graph.Node.Insert(i, casts[i]);
        }

        return model;
    }

    private static Half[]? ToHalves(TensorProto tensor)
    {
        var values = MemoryMarshal.Cast<byte, float>(tensor.RawData.Span);
        var halves = new Half[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
            if (Half.IsInfinity(halves[i]) && float.IsFinite(values[i]))
            {
                return null;
            }
        }

        return halves;
    }
}
