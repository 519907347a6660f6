using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Imaging;
using Triage.Inference.Batching;
using Triage.Inference.Escalation;
using Triage.Inference.Models;

namespace Triage.Inference.Classification;

/// <summary>Classifies one case: loads its image (claim check), checks it, runs the student (and the teacher
/// when the student escalates) through the scheduler, which batches it with concurrently consumed cases,
/// publishes the answer. The models are taken once, so one generation answers
/// the whole case even when a promotion swaps them meanwhile.</summary>
public sealed class ClassifyCaseConsumer(
    IImageStore images,
    ServingModelsHolder holder,
    ImagePreprocessor preprocessor,
    IClassificationScheduler scheduler,
    TimeProvider time,
    ILogger<ClassifyCaseConsumer> logger) : IConsumer<ClassificationRequested>
{
    public async Task Consume(ConsumeContext<ClassificationRequested> context)
    {
        var request = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["CaseId"] = request.CaseId,
            ["CorrelationId"] = context.CorrelationId,
        });

        using var lease = holder.Acquire();
        var contract = lease.Models.Student.Contract;
        if (request.FeatureEncoding != contract.FeatureEncoding)
        {
            throw NotClassifiable(CaseNotClassifiableReason.FeatureEncodingMismatch,
                $"Features are encoded as '{request.FeatureEncoding}'; the model takes '{contract.FeatureEncoding}'.");
        }

        if (request.Features.Length != contract.MetadataWidth)
        {
            throw NotClassifiable(CaseNotClassifiableReason.FeatureWidthMismatch,
                $"{request.Features.Length} feature values were sent; the model takes {contract.MetadataWidth}.");
        }

        var image = await images.FindAsync(request.ImageId, context.CancellationToken)
            ?? throw NotClassifiable(CaseNotClassifiableReason.ImageMissing, $"Image {request.ImageId} is not stored.");
        if (!Convert.ToHexString(SHA256.HashData(image.Content)).Equals(request.ImageSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw NotClassifiable(CaseNotClassifiableReason.ImageChecksumMismatch,
                $"The stored bytes of image {request.ImageId} do not have the SHA-256 the request names.");
        }

        CascadeOutcome outcome;
        try
        {
            outcome = await new ModelCascade(lease.Models, preprocessor, scheduler).ClassifyAsync(image.Content, request.Features, context.CancellationToken);
        }
        catch (ImageRejectedException rejected)
        {
            throw NotClassifiable(CaseNotClassifiableReason.ImageRejected, rejected.Message, rejected);
        }

        Log(outcome.Student);
        if (outcome.Teacher is { } teacher)
        {
            logger.CaseEscalated(string.Join(", ", outcome.ReasonNames));
            Log(teacher);
        }

        await context.Publish(ClassificationAnswer.For(request.CaseId, outcome, time.GetUtcNow()));
    }

    private void Log(ModelRun run) =>
        logger.CaseClassified(run.Contract.ModelName, run.Contract.ModelVersion, run.ExecutionProvider, run.Milliseconds, run.BatchSize);

    private CaseNotClassifiableException NotClassifiable(CaseNotClassifiableReason reason, string message, Exception? inner = null)
    {
        logger.CaseNotClassifiable(reason);
        return new CaseNotClassifiableException(reason, message, inner);
    }
}
