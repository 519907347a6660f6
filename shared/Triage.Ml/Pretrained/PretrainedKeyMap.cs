using System.Text.RegularExpressions;
using Triage.Ml.Models;
using static TorchSharp.torch;

namespace Triage.Ml.Pretrained;

/// <summary>
/// How the keys of an ImageNet state dict name the project's networks: which of the network's keys a
/// file must supply (the image trunk), how a file's key is renamed into the network's, and which keys are
/// the ImageNet classifier that the network replaces (ignored). Heads, CBAM blocks and metadata branches
/// are left to train.
/// </summary>
public sealed partial class PretrainedKeyMap
{
    private readonly Func<string, string?> _rename;
    private readonly Func<string, bool> _isImageNetHead;

    private PretrainedKeyMap(string networkName, Func<string, bool> required, Func<string, string?> rename, Func<string, bool> isImageNetHead)
    {
        NetworkName = networkName;
        IsRequired = required;
        _rename = rename;
        _isImageNetHead = isImageNetHead;
    }

    public string NetworkName { get; }

    /// <summary>Whether the network's key must come from the file.</summary>
    public Func<string, bool> IsRequired { get; }

    /// <summary>The network's key for a file's key, or null when the file's key is the ImageNet classifier.</summary>
    public string? Rename(string fileKey) => _isImageNetHead(fileKey) ? null : _rename(fileKey);

    public static PretrainedKeyMap For(nn.Module network) => network switch
    {
        StudentNetwork => Student,
        TeacherNetwork { Options.Variant: ResNetVariant variant } => ResNetTeacher(variant),
        TeacherNetwork { Options.Variant: ConvNeXtVariant variant } => ConvNeXtTeacher(variant),
        _ => throw new NotSupportedException($"No ImageNet key names are known for {network.GetType().Name}."),
    };

    /// <summary>torchvision's <c>efficientnet_b0</c>: <c>features.*</c> by name; its <c>classifier.1</c> is the ImageNet head.</summary>
    public static PretrainedKeyMap Student { get; } = new(
        "EfficientNet-B0 student (torchvision names)",
        key => key.StartsWith("features.", StringComparison.Ordinal) && !key.EndsWith(".num_batches_tracked", StringComparison.Ordinal),
        key => key,
        key => key.StartsWith("classifier.", StringComparison.Ordinal));

    /// <summary>torchvision's and timm's ResNet (the same names): <c>conv1</c>, <c>bn1</c>, <c>layerN.*</c> under <c>features.</c>; <c>fc</c> is the ImageNet head.</summary>
    public static PretrainedKeyMap ResNetTeacher(ResNetVariant variant) => new(
        $"{variant.Name} teacher (torchvision/timm names)",
        key => key.StartsWith("features.", StringComparison.Ordinal) && !key.EndsWith(".num_batches_tracked", StringComparison.Ordinal),
        key => "features." + key,
        key => key.StartsWith("fc.", StringComparison.Ordinal));

    /// <summary>
    /// ConvNeXt with torchvision's names (<c>features.*</c>, <c>classifier.0</c> the final LayerNorm, <c>classifier.2</c>
    /// the ImageNet head) or timm's (<c>stem.*</c>, <c>stages.S.downsample.*</c>, <c>stages.S.blocks.B.*</c>,
    /// <c>head.norm</c>; <c>head.fc</c> the ImageNet head).
    /// </summary>
    public static PretrainedKeyMap ConvNeXtTeacher(ConvNeXtVariant variant) => new(
        $"ConvNeXt-{variant.Name} teacher (torchvision or timm names)",
        key => key.StartsWith("features.", StringComparison.Ordinal) || key.StartsWith("classifier.0.", StringComparison.Ordinal),
        TimmConvNeXtToTorchvision,
        key => key.StartsWith("classifier.2.", StringComparison.Ordinal) || key.StartsWith("head.fc.", StringComparison.Ordinal));

    /// <summary>timm's ConvNeXt names as torchvision's; torchvision's names unchanged.</summary>
    public static string TimmConvNeXtToTorchvision(string key)
    {
        if (key.StartsWith("stem.", StringComparison.Ordinal))
            return "features.0." + key["stem.".Length..];
        if (key.StartsWith("head.norm.", StringComparison.Ordinal))
            return "classifier.0." + key["head.norm.".Length..];

        var downsample = TimmDownsample().Match(key);
        if (downsample.Success)
        {
            var stage = int.Parse(downsample.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return $"features.{2 * stage}.{downsample.Groups[2].Value}";
        }

        var block = TimmBlock().Match(key);
        if (!block.Success)
            return key;

        var layer = 2 * int.Parse(block.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
        var prefix = $"features.{layer}.{block.Groups[2].Value}";
        var rest = block.Groups[3].Value;
        return rest switch
        {
            "gamma" => $"{prefix}.layer_scale",
            _ when rest.StartsWith("conv_dw.", StringComparison.Ordinal) => $"{prefix}.block.0.{rest["conv_dw.".Length..]}",
            _ when rest.StartsWith("norm.", StringComparison.Ordinal) => $"{prefix}.block.2.{rest["norm.".Length..]}",
            _ when rest.StartsWith("mlp.fc1.", StringComparison.Ordinal) => $"{prefix}.block.3.{rest["mlp.fc1.".Length..]}",
            _ when rest.StartsWith("mlp.fc2.", StringComparison.Ordinal) => $"{prefix}.block.5.{rest["mlp.fc2.".Length..]}",
            _ => key,
        };
    }

    [GeneratedRegex(@"^stages\.(\d+)\.downsample\.(\d+\..+)$")]
    private static partial Regex TimmDownsample();

    [GeneratedRegex(@"^stages\.(\d+)\.blocks\.(\d+)\.(.+)$")]
    private static partial Regex TimmBlock();
}
