using Microsoft.Extensions.Hosting;

namespace Triage.Inference.Models;

/// <summary>Loads the models when the host starts and runs each once, so a broken file stops the start,
/// not the first case. A promoted generation is run the same way before it may serve.</summary>
internal sealed class ModelWarmUp(ServingModelsHolder holder) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var lease = holder.Acquire();
        Run(lease.Models);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Run(ServingModels models)
    {
        Run(models.Student);
        if (models.Teacher is { } teacher)
        {
            Run(teacher);
        }
    }

    private static void Run(OnnxClassifier classifier)
    {
        var contract = classifier.Contract;
        classifier.Classify([new ClassifierInput(new float[contract.Input.TensorLength], new float[contract.MetadataWidth])]);
    }
}
