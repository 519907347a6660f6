using Triage.Imaging;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Triage.Ml.Pretrained;

/// <summary>
/// Loads ImageNet weights into a freshly built network before training: a PyTorch state dict
/// (<c>.pt</c>, <c>.pth</c>, <c>.bin</c>, as <c>torch.save(model.state_dict())</c> writes it), a safetensors file, or
/// the ResNet18 ONNX file of Microsoft.ML.DnnImageFeaturizer.ResNet18 (with its preprocessing model beside it,
/// as the package lays them out). A training-time input only: nothing at inference reads these files.
/// </summary>
public static class PretrainedWeights
{
    public static PretrainedImportReport Load(nn.Module network, string path, ModelInputSpec input)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The pretrained weights file {path} does not exist.", path);

        var state = Read(path, input);
        try
        {
            return PretrainedImport.Apply(network, state, Path.GetFileName(path));
        }
        finally
        {
            foreach (var value in state.Values)
                value.Dispose();
        }
    }

    /// <summary>The file's state dict with torchvision/timm names, in the input space of <paramref name="input"/>.</summary>
    public static Dictionary<string, Tensor> Read(string path, ModelInputSpec input)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".onnx":
                var preprocess = ResNet18Onnx.PreprocessPathBeside(path);
                if (!File.Exists(preprocess))
                    throw new FileNotFoundException(
                        $"{path} needs the mean image of its preprocessing model, expected at {preprocess} (the package's ResNetPrepOnnx folder).", preprocess);
                var (state, _) = ResNet18Onnx.ReadStateDict(path);
                ResNet18Onnx.FoldImageNetNormalisation(state, ResNet18Onnx.PreprocessMean(preprocess), input.Mean, input.Std);
                return state;
            case ".safetensors":
                return Safetensors.LoadStateDict(path);
            case ".pt" or ".pth" or ".bin":
                return PyTorchUnpickler.UnpickleStateDict(path).Cast<System.Collections.DictionaryEntry>()
                    .ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!, StringComparer.Ordinal);
            default:
                throw new NotSupportedException($"{path}: pretrained weights must be .pt, .pth, .bin (PyTorch state dict), .safetensors or .onnx (the ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18).");
        }
    }
}
