using System.Security.Cryptography;
using MassTransit;
using Microsoft.Extensions.Logging;
using Triage.Contracts;
using Triage.Data.Images;
using Triage.Domain.Diagnoses;
using Triage.Imaging;
using Triage.Inference.Models;

namespace Triage.Inference.Classification;

/// <summary>Classifies one case: loads its image (claim check), checks it, runs the model, publishes the answer.</summary>
public sealed class ClassifyCaseConsumer(
    IImageStore images,
    ImagePreprocessor preprocessor,
    OnnxClassifier classifier,
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

        var contract = classifier.Contract;
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

        float[] tensor;
        try
        {
            tensor = preprocessor.Preprocess(image.Content, contract.Input);
        }
        catch (ImageRejectedException rejected)
        {
            throw NotClassifiable(CaseNotClassifiableReason.ImageRejected, rejected.Message, rejected);
        }

        var started = time.GetTimestamp();
        var probabilities = classifier.Classify([new ClassifierInput(tensor, request.Features)])[0];
        var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        logger.CaseClassified(contract.ModelName, contract.ModelVersion, classifier.ExecutionProvider, milliseconds);

        await context.Publish(new ClassificationCompleted(
            request.CaseId,
            contract.ModelName,
            contract.ModelVersion,
            classifier.ExecutionProvider,
            InDiagnosisOrder(contract.ClassOrder, probabilities),
            milliseconds,
            time.GetUtcNow()));
    }

    /// <summary>The model's probabilities re-ordered to the platform's class order (<see cref="Diagnoses.All"/>).</summary>
    private static List<DiagnosisProbability> InDiagnosisOrder(IReadOnlyList<Diagnosis> classOrder, float[] probabilities) =>
        Diagnoses.All
            .Select(d => new DiagnosisProbability(d.Code(), probabilities[IndexOf(classOrder, d)]))
            .ToList();

    private static int IndexOf(IReadOnlyList<Diagnosis> classOrder, Diagnosis diagnosis)
    {
        for (var i = 0; i < classOrder.Count; i++)
        {
            if (classOrder[i] == diagnosis)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The model has no class {diagnosis}.");
    }

    private CaseNotClassifiableException NotClassifiable(CaseNotClassifiableReason reason, string message, Exception? inner = null)
    {
        logger.CaseNotClassifiable(reason);
        return new CaseNotClassifiableException(reason, message, inner);
    }
}
