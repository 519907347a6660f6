using Microsoft.Extensions.Hosting;

namespace Triage.Inference.Models;

/// <summary>Loads the model when the host starts and runs it once, so a broken file stops the start,
/// not the first case.</summary>
internal sealed class ModelWarmUp(OnnxClassifier classifier) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var contract = classifier.Contract;
        classifier.Classify([new ClassifierInput(new float[contract.Input.TensorLength], new float[contract.MetadataWidth])]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
