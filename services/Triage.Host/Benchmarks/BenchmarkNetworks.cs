using Triage.Ml.Experiments;
using Triage.Ml.Models;
using Triage.Ml.Onnx;
using Triage.Ml.Onnx.Export;
using static TorchSharp.torch;

namespace Triage.Host.Benchmarks;

/// <summary>
/// A seeded student and teacher in TorchSharp and the same weights exported as ONNX files, so that both
/// runtimes can be timed on one model. Their weights are untrained: running time does not depend on them.
/// </summary>
public sealed class BenchmarkNetworks : IDisposable
{
    private readonly bool _keepFiles;

    private BenchmarkNetworks(IReadOnlyList<BenchmarkNetwork> networks, string folder, bool keepFiles)
    {
        Networks = networks;
        Folder = folder;
        _keepFiles = keepFiles;
    }

    public IReadOnlyList<BenchmarkNetwork> Networks { get; }

    /// <summary>Where the ONNX files were written; deleted on dispose unless it was given.</summary>
    public string Folder { get; }

    /// <param name="folder">Where to keep the ONNX files (to time them elsewhere); a temporary folder when null.</param>
    public static BenchmarkNetworks Create(int imageSize, string teacherVariant, string? folder = null)
    {
        manual_seed(1);
        var keepFiles = folder is not null;
        folder = keepFiles ? Directory.CreateDirectory(folder!).FullName : Directory.CreateTempSubdirectory("triage-time-inference-").FullName;
        var descriptions = new[]
        {
            new NetworkDescription(NetworkDescription.Student, null, UseMetadata: true, imageSize),
            new NetworkDescription(NetworkDescription.Teacher, teacherVariant, UseMetadata: true, imageSize),
        };
        var networks = descriptions.Select(description =>
        {
            var network = description.Create();
            network.eval();
            var contract = ExportedArchitecture.Describe(description, description.Kind, "benchmark", calibrationTemperature: 1);
            var path = Path.Combine(folder, description.Kind + ".onnx");
            OnnxModelFile.Write(OnnxNetworkExporter.Export(network, description, contract), path);
            return new BenchmarkNetwork(description.Kind, path, network);
        }).ToList();
        return new BenchmarkNetworks(networks, folder, keepFiles);
    }

    public void Dispose()
    {
        foreach (var network in Networks)
        {
            network.TorchSharp?.Dispose();
        }

        if (!_keepFiles)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>A model to time: its ONNX file and, when the benchmark made it, the TorchSharp network it came from.</summary>
public sealed record BenchmarkNetwork(string Name, string OnnxPath, nn.Module<Tensor, Tensor?, NetworkOutput>? TorchSharp);
