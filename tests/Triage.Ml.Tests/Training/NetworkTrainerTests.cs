using Triage.Imaging;
using Triage.Ml.Data;
using Triage.Ml.Models;
using Triage.Ml.Tests.Models;
using Triage.Ml.PadUfes20;
using Triage.Ml.Training;
using Triage.Testing;
using Xunit.Abstractions;

namespace Triage.Ml.Tests.Training;

/// <summary>Short real training runs on real PAD-UFES-20 photos, small enough for CI. They seed torch and measure the process's memory, so they run alone.</summary>
[Collection(TorchModelsCollection.Name)]
public sealed class NetworkTrainerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly ImageDecoder Decoder = new(ImageLimits.Default);
    private static readonly ModelInputSpec Spec = ModelInputSpec.ImageNet(64);
    private readonly IReadOnlyList<PadUfes20Case> _cases = PadUfes20Reader.Read(TestData.Subset("trainer", 12));
    private readonly string _checkpoints = TestPaths.NewTempFolder("checkpoints");
    private LesionPhotoCache? _photos;

    public void Dispose()
    {
        _photos?.Dispose();
        Directory.Delete(_checkpoints, recursive: true);
    }

    private LesionBatches Batches => new(_cases, _photos ??= LesionPhotoCache.Load(_cases, 96, Decoder), Spec);

    private TrainingOptions Options(int epochs) => new()
    {
        Epochs = epochs, BatchSize = 12, ImageSize = Spec.Width, LearningRate = 2e-3, WarmupEpochs = 1, Patience = 100,
        Augmentation = AugmentationOptions.None, MetadataDropout = MetadataDropout.None, CheckpointFolder = _checkpoints,
    };

    private readonly StringWriter _log = new();

    private TrainingRun Train(TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor?, NetworkOutput> network, int epochs, Distillation? distillation = null)
    {
        var run = new NetworkTrainer(Options(epochs), _log).Train(network, Batches, Batches, new ImagePreprocessor(Decoder), distillation);
        output.WriteLine(_log.ToString());
        return run;
    }

    [Fact]
    public void The_loss_falls_on_real_photos_and_memory_stays_flat()
    {
        TorchSharp.torch.manual_seed(1);
        using var student = new StudentNetwork(new StudentNetworkOptions(Dropout: 0, StochasticDepth: 0));

        var run = Train(student, epochs: 8);

        var focal = run.History.Select(e => e.Losses["focal"]).ToList();
        focal[^1].Should().BeLessThan(focal[0] * 0.7, "eight passes over twelve photos must fit them better");
        run.History.Should().HaveCount(8);
        (run.History[^1].WorkingSetBytes - run.History[2].WorkingSetBytes).Should().BeLessThan(150L << 20, "memory must not grow from epoch to epoch");
        File.Exists(run.BestWeightsPath).Should().BeTrue();
        run.Temperature.Should().BePositive();
        _log.ToString().Should().Contain("epoch 8/8").And.Contain("wF1");
    }

    [Fact]
    public void A_stopped_run_resumes_from_its_last_finished_epoch()
    {
        TorchSharp.torch.manual_seed(1);
        using var first = new StudentNetwork();
        var twoEpochs = Train(first, epochs: 2);

        using var second = new StudentNetwork();
        var resumed = Train(second, epochs: 3);

        _log.ToString().Should().Contain("Resuming after epoch 2");
        resumed.History.Should().HaveCount(3);
        resumed.History.Take(2).Should().BeEquivalentTo(twoEpochs.History);
    }

    [Fact]
    public void Distillation_uses_every_configured_term()
    {
        TorchSharp.torch.manual_seed(1);
        using var teacher = new TeacherNetwork(new TeacherNetworkOptions(ConvNeXtVariant.Atto));
        using var student = new StudentNetwork();
        var weights = new DistillationWeights(Focal: 1, Logits: 1, Features: 0.5, Attention: 10);

        var run = Train(student, epochs: 1, new Distillation(teacher, teacher.PooledFeatureCount, weights));

        run.History.Single().Losses.Keys.Should().BeEquivalentTo(["focal", "logits", "features", "attention"]);
        run.History.Single().Losses.Values.Should().OnlyContain(v => double.IsFinite(v) && v >= 0);
    }
}
