using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Logging.Abstractions;
using Triage.Host.Benchmarks;
using Triage.Inference.Models;

namespace Triage.Benchmarks;

/// <summary>
/// One batch through the student or the teacher (224 px, untrained weights: running time does not depend on
/// them) under ONNX Runtime on the CPU, the baseline, and under TorchSharp on the same weights.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InferenceBenchmarkConfig))]
public class InferenceBenchmarks
{
    private BenchmarkNetworks _networks = null!;
    private OnnxClassifier _onnx = null!;
    private TorchSharpInference _torchSharp = null!;
    private ClassifierInput[] _batch = null!;

    [Params("student", "teacher")]
    public string Model { get; set; } = "student";

    [Params(1, 8, 32)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _networks = BenchmarkNetworks.Create(imageSize: 224, "atto");
        var network = _networks.Networks.Single(n => n.Name == Model);
        _onnx = OnnxClassifier.Open(network.OnnxPath, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));
        _batch = BenchmarkInputs.Create(_onnx.Contract, BatchSize);
        _torchSharp = new TorchSharpInference(network.TorchSharp!, _onnx.Contract, _batch);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _torchSharp.Dispose();
        _onnx.Dispose();
        _networks.Dispose();
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<float[]> OnnxRuntime() => _onnx.Classify(_batch);

    [Benchmark]
    public float[] TorchSharp() => _torchSharp.Run();
}

/// <summary>
/// In process, because the build's TorchSharp native-library fix applies to this project's output only; one call
/// per iteration, because a teacher batch of 32 takes seconds on a small machine.
/// </summary>
public sealed class InferenceBenchmarkConfig : ManualConfig
{
    public InferenceBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: false))
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
