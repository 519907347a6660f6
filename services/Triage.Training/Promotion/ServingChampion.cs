using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Inference;
using Triage.Training.Corpus;
using Triage.Training.Pipeline;
using Triage.Training.Registry;

namespace Triage.Training.Promotion;

/// <summary>
/// The champion a challenger is judged against. Before the registry has one, the model inference serves by
/// configuration (<c>Inference:ModelPath</c>) is registered and made champion, so the first trained model
/// must beat what patients already get.
/// </summary>
public sealed class ServingChampion(
    ModelRegistry registry, OnnxCaseClassifier classifier, IOptions<InferenceOptions> inference, IHostEnvironment environment)
{
    public const string RegisteredBy = "registry";

    public async Task<ModelVersion?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (await registry.AliasTargetAsync(ModelAlias.Champion, cancellationToken) is { } champion)
        {
            return champion;
        }

        var path = Path.GetFullPath(inference.Value.ModelPath, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            return null;
        }

        string version, architecture;
        using (var model = classifier.Open(path))
        {
            (version, architecture) = (model.Contract.ModelVersion, model.Contract.Architecture);
        }

        var served = await registry.FindAsync(version, cancellationToken) ?? await registry.RegisterAsync(new ModelVersion
        {
            Version = version, Role = ModelRole.Student, Architecture = architecture, MetricsJson = "{}", ArtefactPath = path, ArtefactSha256 = FileSha256.Of(path),
        }, cancellationToken);
        await registry.MoveAliasAsync(ModelAlias.Champion, served, RegisteredBy, "the model serving by configuration (Inference:ModelPath) when the registry had no champion", cancellationToken);
        return served;
    }
}
