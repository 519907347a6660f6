using Triage.Imaging;
using Triage.Ml.Models;
using Triage.Ml.Pretrained;
using Triage.Ml.Tests.Models;
using Triage.Testing;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Triage.Ml.Tests.Pretrained;

/// <summary>
/// ImageNet state dicts as PyTorch writes them (torchvision's and timm's key names), generated here with
/// PyBridge from the project's torchvision replicas, imported into the student and the teachers.
/// </summary>
[Collection(TorchModelsCollection.Name)]
public sealed class StateDictImportTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder("pretrained");
    private static readonly ModelInputSpec Input = ModelInputSpec.ImageNet(64);

    [Theory]
    [InlineData(".pth")]
    [InlineData(".safetensors")]
    public void A_torchvision_efficientnet_b0_file_gives_the_student_the_same_image_features(string extension)
    {
        manual_seed(1);
        using var imageNet = Settled(new EfficientNetB0());
        var path = Save(imageNet, "efficientnet_b0" + extension);

        manual_seed(2);
        using var student = new StudentNetwork(new StudentNetworkOptions());
        var report = PretrainedWeights.Load(student, path, Input);

        report.IgnoredImageNetHead.Should().BeEquivalentTo(["classifier.1.weight", "classifier.1.bias"]);
        report.LeftToTrain.Should().OnlyContain(k => k.StartsWith("classifier.") || k.StartsWith("metadata."));
        student.eval();
        using var _ = no_grad();
        using var images = ModelInputs.Images(2, 64);
        using var output = student.call(images, ModelInputs.Metadata(2));
        using var features = ((Sequential)imageNet.named_children().Single(c => c.name == "features").module).call(images);
        using var pooled = nn.functional.adaptive_avg_pool2d(features, 1).flatten(1);
        output.PooledFeatures.allclose(pooled, rtol: 0, atol: 0).Should().BeTrue("the student's trunk now computes exactly what the ImageNet network's does");
    }

    [Fact]
    public void A_torchvision_convnext_file_fills_the_teacher_trunk_and_its_final_norm()
    {
        manual_seed(3);
        using var imageNet = new ConvNeXt(ConvNeXtVariant.Atto);
        Perturb(imageNet);
        var path = Save(imageNet, "convnext_atto.pth");

        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto));
        var report = PretrainedWeights.Load(teacher, path, Input);

        report.IgnoredImageNetHead.Should().BeEquivalentTo(["classifier.2.weight", "classifier.2.bias"]);
        var source = imageNet.state_dict();
        foreach (var (key, value) in teacher.state_dict().Where(p => p.Key.StartsWith("features.") || p.Key.StartsWith("classifier.0.")))
            value.allclose(source[key], rtol: 0, atol: 0).Should().BeTrue(key);
        report.LeftToTrain.Should().OnlyContain(k => k.StartsWith("attention.") || k.StartsWith("metadata.") || k.StartsWith("head."));
    }

    [Fact]
    public void A_timm_convnext_file_with_its_own_names_and_shapes_imports_as_the_torchvision_one()
    {
        manual_seed(4);
        using var imageNet = new ConvNeXt(ConvNeXtVariant.Atto);
        Perturb(imageNet);
        // timm's convnext_atto (conv_mlp): stem.N, stages.S.downsample.N, stages.S.blocks.B.{conv_dw,norm,mlp.fc1,mlp.fc2,gamma},
        // head.norm, head.fc; its MLP is 1x1 convolutions and its layer scale a vector.
        var timm = new Dictionary<string, Tensor>();
        foreach (var (key, value) in imageNet.state_dict())
            timm[TimmName(key)] = TimmShape(key, value);
        var path = Path.Combine(_folder, "convnext_atto.timm.safetensors");
        Safetensors.SaveStateDict(File.Create(path), timm);

        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto));
        var report = PretrainedWeights.Load(teacher, path, Input);

        report.IgnoredImageNetHead.Should().BeEquivalentTo(["head.fc.weight", "head.fc.bias"]);
        var source = imageNet.state_dict();
        foreach (var (key, value) in teacher.state_dict().Where(p => p.Key.StartsWith("features.") || p.Key.StartsWith("classifier.0.")))
            value.allclose(source[key], rtol: 0, atol: 0).Should().BeTrue(key);
    }

    [Fact]
    public void A_file_with_a_wrong_shape_is_refused_with_the_key_named_and_nothing_copied()
    {
        manual_seed(5);
        using var imageNet = new EfficientNetB0();
        var state = imageNet.state_dict().ToDictionary(p => p.Key, p => p.Value);
        state["features.1.0.block.1.fc1.weight"] = zeros(7, 32, 1, 1);
        state.Remove("features.8.1.running_var");
        state["features.9.weight"] = zeros(3);
        var path = Path.Combine(_folder, "wrong.pth");
        PyTorchPickler.PickleStateDict(path, state);

        using var student = new StudentNetwork(new StudentNetworkOptions());
        var before = student.state_dict()["features.0.0.weight"].clone();
        var refusal = FluentActions.Invoking(() => PretrainedWeights.Load(student, path, Input))
            .Should().Throw<PretrainedWeightsMismatchException>().Which;

        refusal.MisShaped.Should().ContainSingle().Which.Should().Be("features.1.0.block.1.fc1.weight: file [7, 32, 1, 1] vs network [8, 32, 1, 1]");
        refusal.Missing.Should().Equal("features.8.1.running_var");
        refusal.Unexpected.Should().Equal("features.9.weight");
        refusal.Message.Should().Contain("features.1.0.block.1.fc1.weight").And.Contain("features.8.1.running_var").And.Contain("features.9.weight");
        student.state_dict()["features.0.0.weight"].allclose(before, rtol: 0, atol: 0).Should().BeTrue("a refused file changes nothing");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(nn.Module module, string name)
    {
        var path = Path.Combine(_folder, name);
        if (name.EndsWith(".safetensors"))
            module.save_safetensors(path);
        else
            module.save_py(path);
        return path;
    }

    /// <summary>Batch-norm statistics and weights away from their initial values, as in a trained network.</summary>
    private static EfficientNetB0 Settled(EfficientNetB0 network)
    {
        Perturb(network);
        using (no_grad())
        {
            foreach (var (name, buffer) in network.named_buffers())
            {
                if (name.EndsWith("running_mean"))
                    buffer.normal_(0, 0.1);
                else if (name.EndsWith("running_var"))
                    buffer.uniform_(0.5, 1.5);
            }
        }

        network.eval();
        return network;
    }

    private static void Perturb(nn.Module network)
    {
        using var _ = no_grad();
        foreach (var (_, parameter) in network.named_parameters())
            parameter.add_(randn_like(parameter) * 0.05);
    }

    private static string TimmName(string key)
    {
        var parts = key.Split('.');
        if (parts[0] == "classifier")
            return (parts[1] == "0" ? "head.norm." : "head.fc.") + parts[2];
        var layer = int.Parse(parts[1]);
        if (layer == 0)
            return $"stem.{parts[2]}.{parts[3]}";
        if (layer % 2 == 0)
            return $"stages.{layer / 2}.downsample.{parts[2]}.{parts[3]}";
        var prefix = $"stages.{layer / 2}.blocks.{parts[2]}";
        if (parts[3] == "layer_scale")
            return prefix + ".gamma";
        var part = parts[4] switch { "0" => "conv_dw", "2" => "norm", "3" => "mlp.fc1", "5" => "mlp.fc2", _ => throw new InvalidOperationException(key) };
        return $"{prefix}.{part}.{parts[5]}";
    }

    private static Tensor TimmShape(string key, Tensor value) =>
        key.EndsWith("layer_scale") ? value.flatten()
        : (key.Contains(".block.3.") || key.Contains(".block.5.")) && value.dim() == 2 ? value.reshape(value.shape[0], value.shape[1], 1, 1)
        : value;
}
