using Triage.Inference.Models;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Host.Benchmarks;

/// <summary>One batch through a TorchSharp network on the CPU in evaluation mode, softmax included, as ONNX Runtime runs it.</summary>
public sealed class TorchSharpInference : IDisposable
{
    private readonly nn.Module<Tensor, Tensor?, NetworkOutput> _network;
    private readonly Tensor _images;
    private readonly Tensor _metadata;

    public TorchSharpInference(nn.Module<Tensor, Tensor?, NetworkOutput> network, ModelContract contract, IReadOnlyList<ClassifierInput> batch)
    {
        _network = network;
        var input = contract.Input;
        _images = tensor(batch.SelectMany(item => item.Image).ToArray(), [batch.Count, 3, input.Height, input.Width]);
        _metadata = tensor(batch.SelectMany(item => item.Metadata).ToArray(), [batch.Count, contract.MetadataWidth]);
    }

    public float[] Run()
    {
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        return nn.functional.softmax(_network.call(_images, _metadata).Logits, -1).data<float>().ToArray();
    }

    public void Dispose()
    {
        _images.Dispose();
        _metadata.Dispose();
    }
}
