using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Triage.Ml.Models;

/// <summary>
/// torchvision's ResNet with basic blocks as a teacher trunk: <c>features.conv1</c>, <c>features.bn1</c>,
/// <c>features.relu</c>, <c>features.maxpool</c>, <c>features.layer1</c> ... <c>features.layer4</c>, so that a
/// torchvision state dict imports by key once <c>features.</c> is put in front of each name. No classifier
/// (<c>fc</c>): the teacher's own head replaces it.
/// </summary>
public sealed record ResNetVariant(string Name, IReadOnlyList<int> Blocks) : ITeacherTrunk
{
    public static ResNetVariant ResNet18 { get; } = new("resnet18", [2, 2, 2, 2]);

    /// <summary>
    /// The ImageNet "ResNet18" of ML.NET's Microsoft.ML.DnnImageFeaturizer.ResNet18 (exported from CNTK):
    /// torchvision's ResNet18 but with three basic blocks in the last stage (22 convolutions, not 20).
    /// </summary>
    public static ResNetVariant ResNet18MlNet { get; } = new("resnet18-mlnet", [2, 2, 2, 3]);

    public static IReadOnlyList<ResNetVariant> All { get; } = [ResNet18, ResNet18MlNet];

    public IReadOnlyList<long> Widths { get; } = [64, 128, 256, 512];

    public long OutputChannels => Widths[^1];

    /// <summary>The layers before the first stage (stem: convolution, batch norm, ReLU, max pool).</summary>
    public const int StemLayers = 4;

    public IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Layer)> CreateLayers(double stochasticDepth)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv1", nn.Conv2d(3, Widths[0], 7, stride: 2, padding: 3, bias: false)),
            ("bn1", nn.BatchNorm2d(Widths[0])),
            ("relu", nn.ReLU()),
            ("maxpool", nn.MaxPool2d(3, stride: 2, padding: 1)),
        };
        var input = Widths[0];
        for (var stage = 0; stage < Widths.Count; stage++)
        {
            var blocks = new List<nn.Module<Tensor, Tensor>>();
            for (var i = 0; i < Blocks[stage]; i++)
            {
                blocks.Add(new ResNetBasicBlock(input, Widths[stage], i == 0 && stage > 0 ? 2 : 1));
                input = Widths[stage];
            }

            layers.Add(($"layer{stage + 1}", nn.Sequential(blocks)));
        }

        return layers;
    }

    public int StageOfLayer(int layerIndex) => layerIndex >= StemLayers ? layerIndex - StemLayers : -1;

    /// <summary>
    /// torchvision's ResNet initialisation for the trunk (Kaiming-normal fan-out convolutions, unit batch
    /// norms); the CBAM blocks, metadata encoder and head as the ConvNeXt teacher's.
    /// </summary>
    public void Initialize(nn.Module network)
    {
        WeightInitialization.ApplyConvNeXt(network);
        WeightInitialization.ApplyEfficientNet(network.named_children().Single(c => c.name == "features").module);
    }

    public override string ToString() => Name;
}
