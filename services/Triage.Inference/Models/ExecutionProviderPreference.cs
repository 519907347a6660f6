namespace Triage.Inference.Models;

/// <summary>Where to run the model: CUDA when it loads (Auto), only the CPU, or CUDA asked for explicitly.</summary>
public enum ExecutionProviderPreference
{
    Auto,
    Cpu,
    Cuda,
}
