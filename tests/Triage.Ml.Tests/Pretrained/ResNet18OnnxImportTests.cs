using Microsoft.ML.OnnxRuntime;
using Triage.Imaging;
using Triage.Ml.Models;
using Triage.Ml.Pretrained;
using Triage.Ml.Tests.Models;
using Triage.Testing;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Pretrained;

/// <summary>
/// The package's ResNet18 ONNX, imported into the project's TorchSharp ResNet, computes what ONNX Runtime
/// computes from the original file, on a PAD-UFES-20 photo prepared as ML.NET prepares it (224 x 224 RGB
/// 0-255 planes through ResNetPreprocess.onnx: BGR minus the mean image).
/// </summary>
[Collection(TorchModelsCollection.Name)]
public sealed class ResNet18OnnxImportTests(ITestOutputHelper output)
{
    private const int Size = 224;

    [Fact]
    public void Imported_trunk_gives_the_pooled_features_onnx_runtime_gives()
    {
        var photo = RgbPlanes(Path.GetFileName(TestImages.RealImagePaths()[0]));
        var prepared = RunOnnx(ResNet18OnnxFiles.Preprocess, "OriginalInput", photo, "PreprocessedInput");
        var expected = RunOnnx(ResNet18OnnxFiles.ResNet18, ResNet18Onnx.InputName, prepared, ResNet18Onnx.OutputName);

        var (state, variant) = ResNet18Onnx.ReadStateDict(ResNet18OnnxFiles.ResNet18);
        variant.Should().Be(ResNetVariant.ResNet18MlNet, "the package's network has three blocks in its last stage");
        using var trunk = Trunk(variant, state);
        using var input = tensor(prepared).reshape(1, 3, Size, Size);
        using var pooled = nn.functional.adaptive_avg_pool2d(trunk.call(input), 1).flatten();
        var actual = pooled.data<float>().ToArray();

        expected.Should().HaveCount(512);
        var largest = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"largest difference {largest:E2}; feature range {expected.Min():F3} to {expected.Max():F3}");
        largest.Should().BeLessThan(1e-4f);
        expected.Max().Should().BeGreaterThan(0.5f, "the features of a real photo are not all near zero");
    }

    [Fact]
    public void Folding_the_imagenet_normalisation_into_conv1_keeps_the_stem_output_away_from_the_border()
    {
        var photo = Path.GetFileName(TestImages.RealImagePaths()[1]);
        var (original, _) = ResNet18Onnx.ReadStateDict(ResNet18OnnxFiles.ResNet18);
        var (folded, _) = ResNet18Onnx.ReadStateDict(ResNet18OnnxFiles.ResNet18);
        var bgrMean = ResNet18Onnx.PreprocessMean(ResNet18OnnxFiles.Preprocess);
        var spec = ModelInputSpec.ImageNet(Size);
        ResNet18Onnx.FoldImageNetNormalisation(folded, bgrMean, spec.Mean, spec.Std);

        // What the file expects (BGR 0-255 minus the per-channel mean) and what the project feeds (normalised RGB).
        var rgb = RgbPlanes(photo);
        var fileInput = Enumerable.Range(0, 3 * Size * Size).Select(i =>
        {
            var (channel, pixel) = (i / (Size * Size), i % (Size * Size));
            return rgb[(2 - channel) * Size * Size + pixel] - bgrMean[channel];
        }).ToArray();
        var projectInput = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default)).Preprocess(TestImages.RealImage(photo), spec);

        using var fromFile = Stem(original, fileInput);
        using var fromProject = Stem(folded, projectInput);
        using var interior = (fromFile - fromProject).abs()[.., .., 4..^4, 4..^4];
        var largest = interior.max().item<float>();
        output.WriteLine($"largest interior difference {largest:E2}, stem output scale {fromFile.abs().max().item<float>():F2}");
        largest.Should().BeLessThan(1e-3f);
        using var differs = (fromFile - fromProject).abs().max();
        differs.item<float>().Should().BeGreaterThan(0, "the border differs, which is why only the interior is compared");
    }

    [Fact]
    public void Imagenet_weights_from_the_onnx_file_load_into_the_resnet_teacher_and_leave_its_head_to_train()
    {
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ResNetVariant.ResNet18MlNet));
        var report = PretrainedWeights.Load(teacher, ResNet18OnnxFiles.ResNet18, ModelInputSpec.ImageNet(96));

        report.Copied.Should().Be(22 * 5);
        report.LeftToTrain.Should().OnlyContain(k => k.StartsWith("attention.") || k.StartsWith("metadata.") || k.StartsWith("head.") || k.StartsWith("classifier."));
        var (state, _) = ResNet18Onnx.ReadStateDict(ResNet18OnnxFiles.ResNet18);
        teacher.state_dict()["features.layer4.2.conv2.weight"].allclose(state["layer4.2.conv2.weight"], rtol: 0, atol: 0).Should().BeTrue();
    }

    [Fact]
    public void The_torchvision_resnet18_teacher_refuses_the_file_naming_the_extra_block()
    {
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ResNetVariant.ResNet18));
        var refusal = FluentActions.Invoking(() => PretrainedWeights.Load(teacher, ResNet18OnnxFiles.ResNet18, ModelInputSpec.ImageNet(96)))
            .Should().Throw<PretrainedWeightsMismatchException>().Which;
        refusal.Unexpected.Should().Contain("layer4.2.conv1.weight (as features.layer4.2.conv1.weight)");
        refusal.Missing.Should().BeEmpty();
    }

    private static Sequential Trunk(ResNetVariant variant, Dictionary<string, Tensor> state)
    {
        var trunk = nn.Sequential(variant.CreateLayers(0).Select(l => (l.Name, (nn.Module<Tensor, Tensor>)l.Layer)));
        var (missing, unexpected) = trunk.load_state_dict(state, strict: false);
        missing.Where(k => !k.EndsWith("num_batches_tracked")).Should().BeEmpty();
        unexpected.Should().BeEmpty();
        trunk.eval();
        return trunk;
    }

    private static Tensor Stem(Dictionary<string, Tensor> state, float[] input)
    {
        using var conv = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        using var norm = nn.BatchNorm2d(64);
        using (no_grad())
        {
            conv.weight!.copy_(state["conv1.weight"]);
            norm.weight!.copy_(state["bn1.weight"]);
            norm.bias!.copy_(state["bn1.bias"]);
            norm.running_mean!.copy_(state["bn1.running_mean"]);
            norm.running_var!.copy_(state["bn1.running_var"]);
        }

        norm.eval();
        using var image = tensor(input).reshape(1, 3, Size, Size);
        using var _ = no_grad();
        return norm.call(conv.call(image));
    }

    /// <summary>The photo resized to 224 x 224 as RGB planes of 0-255 values (what ML.NET's image loading gives ResNetPreprocess.onnx).</summary>
    private static float[] RgbPlanes(string photo) =>
        new ImagePreprocessor(new ImageDecoder(ImageLimits.Default))
            .Preprocess(TestImages.RealImage(photo), new ModelInputSpec(Size, Size, [0f, 0f, 0f], [1f / 255, 1f / 255, 1f / 255]));

    private static float[] RunOnnx(string path, string inputName, float[] input, string outputName)
    {
        using var session = new InferenceSession(path);
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, Size, Size]);
        using var results = session.Run(runOptions, [inputName], [value], [outputName]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
