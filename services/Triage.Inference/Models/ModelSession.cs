using Microsoft.ML.OnnxRuntime;

namespace Triage.Inference.Models;

/// <summary>An open ONNX Runtime session, the options it was made with, and the provider that really runs it.</summary>
public sealed class ModelSession(InferenceSession session, SessionOptions options, string executionProvider) : IDisposable
{
    public const string Cpu = "CPU";
    public const string Cuda = "CUDA";

    public InferenceSession Session { get; } = session;

    /// <summary><see cref="Cpu"/> or <see cref="Cuda"/>.</summary>
    public string ExecutionProvider { get; } = executionProvider;

    public void Dispose()
    {
        Session.Dispose();
        options.Dispose();
    }
}
