using TorchSharp;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>A ConvNeXt size: blocks and channels per stage (timm's atto to nano, torchvision's tiny).</summary>
public sealed record ConvNeXtVariant(string Name, IReadOnlyList<int> Depths, IReadOnlyList<long> Widths) : ITeacherTrunk
{
    public static ConvNeXtVariant Atto { get; } = new("atto", [2, 2, 6, 2], [40, 80, 160, 320]);
    public static ConvNeXtVariant Femto { get; } = new("femto", [2, 2, 6, 2], [48, 96, 192, 384]);
    public static ConvNeXtVariant Pico { get; } = new("pico", [2, 2, 6, 2], [64, 128, 256, 512]);
    public static ConvNeXtVariant Nano { get; } = new("nano", [2, 2, 8, 2], [80, 160, 320, 640]);
    public static ConvNeXtVariant Tiny { get; } = new("tiny", [3, 3, 9, 3], [96, 192, 384, 768]);

    public static IReadOnlyList<ConvNeXtVariant> All { get; } = [Atto, Femto, Pico, Nano, Tiny];

    public long OutputChannels => Widths[^1];

    public static ConvNeXtVariant Parse(string name) =>
        All.SingleOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown ConvNeXt variant '{name}'; expected one of {string.Join(", ", All.Select(v => v.Name))}.", nameof(name));

    /// <summary>torchvision's <c>features</c> layers, named 0 to 7.</summary>
    public IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Layer)> CreateLayers(double stochasticDepth) =>
        ConvNeXtFeatures.Create(this, stochasticDepth).Select((layer, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), layer)).ToArray();

    public int StageOfLayer(int layerIndex) => ConvNeXtFeatures.StageOfLayer(layerIndex);

    public void Initialize(nn.Module network) => WeightInitialization.ApplyConvNeXt(network);

    public override string ToString() => Name;
}
