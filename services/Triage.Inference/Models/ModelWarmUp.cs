using Microsoft.Extensions.Hosting;

namespace Triage.Inference.Models;

/// <summary>Loads the models when the host starts and runs each once, so a broken file stops the start,
/// not the first case.</summary>
internal sealed class ModelWarmUp(ServingModels models) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Run(models.Student);
        if (models.Teacher is { } teacher)
        {
            Run(teacher);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Run(OnnxClassifier classifier)
    {
        var contract = classifier.Contract;
        classifier.Classify([new ClassifierInput(new float[contract.Input.TensorLength], new float[contract.MetadataWidth])]);
    }
}
