using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// The image trunk of a teacher: its layers (registered as <c>features.*</c>, each with the name its
/// reference implementation gives it), which of them end the four stages (strides 4, 8, 16, 32) that a
/// CBAM block follows, the channels of each stage, and the reference initialisation.
/// </summary>
public interface ITeacherTrunk
{
    string Name { get; }

    IReadOnlyList<long> Widths { get; }

    long OutputChannels { get; }

    IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Layer)> CreateLayers(double stochasticDepth);

    /// <summary>Which stage (0-3) layer <paramref name="layerIndex"/> ends, or -1 for a layer inside or between stages.</summary>
    int StageOfLayer(int layerIndex);

    /// <summary>Initialises every layer of <paramref name="network"/> as the trunk's reference does (trunk first, then the rest).</summary>
    void Initialize(nn.Module network);
}

/// <summary>The teachers' trunks by name: the ConvNeXt variants and the ResNets.</summary>
public static class TeacherTrunks
{
    public static IReadOnlyList<ITeacherTrunk> All { get; } = [.. ConvNeXtVariant.All, .. ResNetVariant.All];

    public static IReadOnlyList<string> Names { get; } = All.Select(t => t.Name).ToArray();

    public static ITeacherTrunk Parse(string name) =>
        All.SingleOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown teacher trunk '{name}'; expected one of {string.Join(", ", Names)}.", nameof(name));
}
