using Microsoft.ML.OnnxRuntime;
using Triage.Contracts;

namespace Triage.Inference.Models;

/// <summary>
/// One ONNX classifier and its contract. <see cref="Classify"/> may be called from several threads
/// at once (ONNX Runtime sessions allow concurrent runs).
/// </summary>
public sealed class OnnxClassifier : IDisposable
{
    private static readonly string[] InputNames = [ModelTensorNames.Image, ModelTensorNames.Metadata];
    private static readonly string[] ProbabilitiesOnly = [ModelTensorNames.Probabilities];
    private static readonly string[] WithAttention = [ModelTensorNames.Probabilities, ModelTensorNames.Attention];

    private readonly ModelSession _session;

    // One RunOptions for the classifier's life: throwaway ones crashed ONNX Runtime 1.31.1 at random.
    private readonly RunOptions _runOptions = new();

    private OnnxClassifier(ModelSession session, ModelContract contract, string modelPath)
    {
        _session = session;
        Contract = contract;
        ModelPath = modelPath;
    }

    public ModelContract Contract { get; }

    public string ModelPath { get; }

    /// <summary>The execution provider that really runs the model: CPU or CUDA.</summary>
    public string ExecutionProvider => _session.ExecutionProvider;

    /// <exception cref="ModelContractException">The file does not meet docs/model-contract.md.</exception>
    public static OnnxClassifier Open(string modelPath, ExecutionProviderPreference preference, ExecutionProviderSelector selector)
    {
        var session = selector.Open(modelPath, preference);
        try
        {
            return new OnnxClassifier(session, ModelContract.Read(session.Session, modelPath), modelPath);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs all <paramref name="items"/> as one batch; returns each item's probabilities in
    /// <see cref="ModelContract.ClassOrder"/>.</summary>
    public IReadOnlyList<float[]> Classify(IReadOnlyList<ClassifierInput> items) =>
        [.. ClassifyWithAttention(items).Select(output => output.Probabilities)];

    /// <summary>As <see cref="Classify"/>, with each item's attention map when the model exports one.</summary>
    public IReadOnlyList<ClassifierOutput> ClassifyWithAttention(IReadOnlyList<ClassifierInput> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        var imageLength = Contract.Input.TensorLength;
        var metadataWidth = Contract.MetadataWidth;
        var images = new float[items.Count * imageLength];
        var metadata = new float[items.Count * metadataWidth];
        for (var i = 0; i < items.Count; i++)
        {
            var (image, features) = items[i];
            if (image.Length != imageLength || features.Length != metadataWidth)
            {
                throw new ArgumentException(
                    $"Item {i} has {image.Length} image and {features.Length} metadata values; the model takes {imageLength} and {metadataWidth}.",
                    nameof(items));
            }

            image.CopyTo(images, i * imageLength);
            features.CopyTo(metadata, i * metadataWidth);
        }

        var input = Contract.Input;
        using var imageValue = OrtValue.CreateTensorValueFromMemory(images, [items.Count, 3, input.Height, input.Width]);
        using var metadataValue = OrtValue.CreateTensorValueFromMemory(metadata, [items.Count, metadataWidth]);
        using var outputs = _session.Session.Run(_runOptions, InputNames, [imageValue, metadataValue], Contract.HasAttention ? WithAttention : ProbabilitiesOnly);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        var classes = Contract.ClassOrder.Count;
        var results = new ClassifierOutput[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            results[i] = new ClassifierOutput(probabilities.Slice(i * classes, classes).ToArray(), Contract.HasAttention ? AttentionOf(outputs[1], i) : null);
        }

        return results;
    }

    private static AttentionMap AttentionOf(OrtValue attention, int item)
    {
        var shape = attention.GetTensorTypeAndShape().Shape;
        var (height, width) = ((int)shape[2], (int)shape[3]);
        return new AttentionMap(height, width, attention.GetTensorDataAsSpan<float>().Slice(item * height * width, height * width).ToArray());
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
