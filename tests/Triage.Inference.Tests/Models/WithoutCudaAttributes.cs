using System.Runtime.InteropServices;

namespace Triage.Inference.Tests.Models;

internal static class Cuda
{
    public static bool RuntimeMissing { get; } = !NativeLibrary.TryLoad("libcudart.so.13", out _);
}

/// <summary>A fact about machines without CUDA 13 (this one and CI); skipped where CUDA is installed.</summary>
public sealed class FactWithoutCudaAttribute : FactAttribute
{
    public FactWithoutCudaAttribute()
    {
        if (!Cuda.RuntimeMissing)
        {
            Skip = "CUDA 13 is installed here.";
        }
    }
}

/// <inheritdoc cref="FactWithoutCudaAttribute"/>
public sealed class TheoryWithoutCudaAttribute : TheoryAttribute
{
    public TheoryWithoutCudaAttribute()
    {
        if (!Cuda.RuntimeMissing)
        {
            Skip = "CUDA 13 is installed here.";
        }
    }
}
