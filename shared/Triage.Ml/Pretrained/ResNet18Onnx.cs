using Onnx;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Pretrained;

/// <summary>
/// The ImageNet ResNet18 of the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18
/// (<c>tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx</c>, exported from CNTK) as a torchvision
/// state dict. Its graph is torchvision's ResNet18 without <c>fc</c>, except that its last stage has three
/// basic blocks (<see cref="ResNetVariant.ResNet18MlNet"/>; the variant is told by the number of convolutions): convolutions without bias, each
/// followed by a BatchNormalization (scale, bias, mean, variance, epsilon 1e-5, as PyTorch's), ending in
/// a 7x7 average pool. Its begin-only padding of the stride-2 layers computes what torchvision's
/// symmetric padding does on even input sizes. Convolutions are matched to torchvision's in graph order
/// (1x1 ones to the next <c>downsample.0</c>, the others to the next <c>conv1</c>/<c>conv2</c>) and every shape is checked.
/// The file expects BGR planes of 0-255 values minus a mean image (<see cref="PreprocessMean"/>);
/// <see cref="FoldImageNetNormalisation"/> makes the weights take the project's normalised RGB instead.
/// </summary>
public static class ResNet18Onnx
{
    public const string InputName = "Input247";
    public const string OutputName = "Pooling395_Output_0";

    /// <summary>Where the ResNet18 file lies inside the package folder.</summary>
    public static string PathInPackage(string packageFolder) =>
        Path.Combine(packageFolder, "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The preprocessing model beside it (ResNetPrepOnnx/ResNetPreprocess.onnx), for a ResNet18.onnx path.</summary>
    public static string PreprocessPathBeside(string resNet18Path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(resNet18Path)))!, "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <summary>Reads the file's initialisers as a torchvision ResNet state dict (without <c>fc</c>) and the variant they fit.</summary>
    public static (Dictionary<string, Tensor> State, ResNetVariant Variant) ReadStateDict(string path)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)).Graph;
        var initialisers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var convolutions = graph.Node.Where(n => n.OpType == "Conv").ToList();
        var normOf = graph.Node.Where(n => n.OpType == "BatchNormalization").ToDictionary(n => n.Input[0], StringComparer.Ordinal);

        var variant = ResNetVariant.All.FirstOrDefault(v => Count(TorchvisionConvolutions(v)) == convolutions.Count)
            ?? throw new InvalidDataException(
                $"{path} has {convolutions.Count} convolutions; {string.Join(", ", ResNetVariant.All.Select(v => $"{v.Name} has {Count(TorchvisionConvolutions(v))}"))}.");
        var (mainPath, shortcuts) = TorchvisionConvolutions(variant);

        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        int main = 0, shortcut = 0;
        foreach (var conv in convolutions)
        {
            var weight = initialisers[conv.Input[1]];
            var isShortcut = weight.Dims.Count == 4 && weight.Dims[2] == 1 && weight.Dims[3] == 1;
            var (convName, normName) = isShortcut ? shortcuts[shortcut++] : mainPath[main++];
            if (conv.Input.Count > 2)
                throw new InvalidDataException($"{path}: {conv.Name} has a bias; torchvision's {convName} has none.");
            if (!normOf.TryGetValue(conv.Output[0], out var norm))
                throw new InvalidDataException($"{path}: {conv.Name} is not followed by batch normalisation.");
            if (Epsilon(norm) is var epsilon && Math.Abs(epsilon - 1e-5) > 1e-8)
                throw new InvalidDataException($"{path}: {norm.Name} has epsilon {epsilon}; PyTorch's batch norm uses 1e-5.");

            state[$"{convName}.weight"] = ToTensor(weight);
            state[$"{normName}.weight"] = ToTensor(initialisers[norm.Input[1]]);
            state[$"{normName}.bias"] = ToTensor(initialisers[norm.Input[2]]);
            state[$"{normName}.running_mean"] = ToTensor(initialisers[norm.Input[3]]);
            state[$"{normName}.running_var"] = ToTensor(initialisers[norm.Input[4]]);
        }

        return (state, variant);
    }

    private static int Count((List<(string, string)> MainPath, List<(string, string)> Shortcuts) convolutions) =>
        convolutions.MainPath.Count + convolutions.Shortcuts.Count;

    /// <summary>The per-channel mean (B, G, R) of the mean image the preprocessing model subtracts.</summary>
    public static float[] PreprocessMean(string preprocessPath)
    {
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(preprocessPath)).Graph;
        var meanImage = graph.Initializer.SingleOrDefault(t => t.Name == "MeanImage")
            ?? throw new InvalidDataException($"{preprocessPath} has no MeanImage.");
        using var mean = ToTensor(meanImage);
        if (mean.dim() != 4 || mean.shape[1] != 3)
            throw new InvalidDataException($"{preprocessPath}: MeanImage is [{string.Join(", ", mean.shape)}], not [1, 3, H, W].");
        return mean.mean([0, 2, 3]).data<float>().ToArray();
    }

    /// <summary>
    /// Rewrites <c>conv1</c> and <c>bn1</c> so that the network takes RGB normalised with
    /// <paramref name="mean"/> and <paramref name="std"/> (of 0-1 values) instead of BGR 0-255 values minus
    /// <paramref name="bgrMean"/>: the channels are swapped and scaled in <c>conv1.weight</c>, and the
    /// constant the mean leaves behind is taken into <c>bn1.running_mean</c>. Exact away from the image border
    /// (the zero padding of the file's input corresponds to a different value after normalisation).
    /// </summary>
    public static void FoldImageNetNormalisation(IDictionary<string, Tensor> state, float[] bgrMean, float[] mean, float[] std)
    {
        using var _ = no_grad();
        var weight = state["conv1.weight"];
        var rgbWeight = weight.flip(1);
        using var scale = tensor(std.Select(s => 255f * s).ToArray()).reshape(1, 3, 1, 1);
        using var shift = tensor(mean.Select((m, c) => 255f * m - bgrMean[2 - c]).ToArray());
        using var constant = rgbWeight.sum([2, 3]).matmul(shift);
        state["conv1.weight"] = (rgbWeight * scale).contiguous();
        state["bn1.running_mean"] = state["bn1.running_mean"] - constant;
        rgbWeight.Dispose();
    }

    /// <summary>torchvision's conv/batch-norm pairs in order: the main path (conv1, then each block's conv1, conv2) and the shortcuts.</summary>
    private static (List<(string Conv, string Norm)> MainPath, List<(string Conv, string Norm)> Shortcuts) TorchvisionConvolutions(ResNetVariant variant)
    {
        var mainPath = new List<(string, string)> { ("conv1", "bn1") };
        var shortcuts = new List<(string, string)>();
        for (var stage = 0; stage < variant.Blocks.Count; stage++)
        {
            for (var block = 0; block < variant.Blocks[stage]; block++)
            {
                var prefix = $"layer{stage + 1}.{block}";
                if (block == 0 && stage > 0)
                    shortcuts.Add(($"{prefix}.downsample.0", $"{prefix}.downsample.1"));
                mainPath.Add(($"{prefix}.conv1", $"{prefix}.bn1"));
                mainPath.Add(($"{prefix}.conv2", $"{prefix}.bn2"));
            }
        }

        return (mainPath, shortcuts);
    }

    private static float Epsilon(NodeProto norm) =>
        norm.Attribute.SingleOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;

    private static Tensor ToTensor(TensorProto proto)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"Initialiser {proto.Name} is not float32.");
        var values = proto.FloatData.Count > 0
            ? proto.FloatData.ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray();
        return tensor(values).reshape(proto.Dims.ToArray());
    }
}
