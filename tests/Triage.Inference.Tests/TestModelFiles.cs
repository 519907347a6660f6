using Microsoft.Extensions.Logging.Abstractions;
using Triage.Inference.Models;
using Triage.Ml.Baseline;
using Triage.Testing;

namespace Triage.Inference.Tests;

internal static class TestModelFiles
{
    public static string BundledBaseline => Path.Combine(TestPaths.RepositoryRoot, "deploy", "models", "baseline.onnx");

    public static string Write(TestModelOptions? options = null) =>
        TestModels.Write(Path.Combine(TestPaths.NewTempFolder("inference-model"), "model.onnx"), options);

    public static OnnxClassifier OpenOnCpu(string path) =>
        OnnxClassifier.Open(path, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));
}
