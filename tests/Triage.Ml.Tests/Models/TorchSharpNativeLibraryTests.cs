using static TorchSharp.torch;

namespace Triage.Ml.Tests.Models;

/// <summary>TorchSharp's native library loads here only after the build weakens its GLIBCXX_3.4.32 requirement.</summary>
public sealed class TorchSharpNativeLibraryTests
{
    private const ushort WeakFlag = 0x2;

    [Fact]
    public void Tensor_arithmetic_runs()
    {
        using var scope = NewDisposeScope();
        ones(2, 2).sum().item<float>().Should().Be(4f);
        matmul(arange(6f).reshape(2, 3), ones(3, 1)).squeeze().data<float>().ToArray()
            .Should().Equal(3f, 12f);
    }

    [Fact]
    public void Output_copy_has_the_glibcxx_3_4_32_requirement_marked_weak()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

        var flags = VersionRequirementFlags.Read(File.ReadAllBytes(library), "libstdc++.so.6", "GLIBCXX_3.4.32");

        flags.Should().ContainSingle().Which.Should().Be(WeakFlag);
    }
}
