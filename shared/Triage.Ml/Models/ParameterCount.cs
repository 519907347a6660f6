using TorchSharp;

namespace Triage.Ml.Models;

public static class ParameterCount
{
    /// <summary>The number of trainable values (buffers such as batch-norm statistics excluded).</summary>
    public static long CountParameters(this torch.nn.Module network) =>
        network.parameters().Sum(p => p.numel());
}
