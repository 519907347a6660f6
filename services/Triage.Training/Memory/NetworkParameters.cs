using Triage.Ml.Experiments;
using Triage.Ml.Models;
using TorchSharp;

namespace Triage.Training.Memory;

public static class NetworkParameters
{
    /// <summary>Builds the network once (randomly initialised, then disposed) and counts its trainable values.</summary>
    public static long Of(NetworkDescription network)
    {
        using var scope = torch.NewDisposeScope();
        using var module = network.Create();
        return module.CountParameters();
    }
}
