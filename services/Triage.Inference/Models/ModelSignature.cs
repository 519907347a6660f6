using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Triage.Domain.ClinicalFeatures;

namespace Triage.Inference.Models;

/// <summary>Checks a graph's inputs and outputs against the contract and its own metadata.</summary>
internal sealed record ModelSignature(int MetadataWidth, bool HasAttention)
{
    private const int Dynamic = -1;

    public static ModelSignature Check(
        IReadOnlyDictionary<string, NodeMetadata> inputs,
        IReadOnlyDictionary<string, NodeMetadata> outputs,
        ModelContract declared,
        string modelPath)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new ModelContractException(modelPath, problem);
            }
        }

        var extra = inputs.Keys.Except([ModelTensorNames.Image, ModelTensorNames.Metadata]).ToList();
        Require(extra.Count == 0, $"unexpected inputs {string.Join(", ", extra)}.");

        var image = Tensor(inputs, ModelTensorNames.Image, 4, modelPath);
        var input = declared.Input;
        Require(image[1] == 3 && image[2] == input.Height && image[3] == input.Width,
            $"input '{ModelTensorNames.Image}' is [{Format(image)}]; [N,3,{input.Height},{input.Width}] was declared.");

        var metadata = Tensor(inputs, ModelTensorNames.Metadata, 2, modelPath);
        Require(metadata[1] > 0, $"input '{ModelTensorNames.Metadata}' needs a fixed width.");
        Require(declared.FeatureEncoding != ClinicalFeatureEncoder.Version || metadata[1] == ClinicalFeatureEncoder.Width,
            $"input '{ModelTensorNames.Metadata}' is {metadata[1]} wide; {ClinicalFeatureEncoder.Version} encodes {ClinicalFeatureEncoder.Width}.");

        foreach (var name in new[] { ModelTensorNames.Logits, ModelTensorNames.Probabilities })
        {
            var output = Tensor(outputs, name, 2, modelPath);
            Require(output[1] == declared.ClassOrder.Count,
                $"output '{name}' is [{Format(output)}]; [N,{declared.ClassOrder.Count}] was expected.");
        }

        var hasAttention = outputs.ContainsKey(ModelTensorNames.Attention);
        if (hasAttention)
        {
            var attention = Tensor(outputs, ModelTensorNames.Attention, 4, modelPath);
            Require(attention[1] == 1, $"output '{ModelTensorNames.Attention}' is [{Format(attention)}]; [N,1,h,w] was expected.");
        }

        return new ModelSignature(metadata[1], hasAttention);
    }

    /// <summary>The dimensions of a float32 tensor of the given rank whose first (batch) dimension is dynamic.</summary>
    private static int[] Tensor(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, int rank, string modelPath)
    {
        if (!nodes.TryGetValue(name, out var node))
        {
            throw new ModelContractException(modelPath, $"'{name}' is missing.");
        }

        var dims = node.IsTensor ? node.Dimensions : [];
        if (!node.IsTensor || node.ElementDataType != TensorElementType.Float || dims.Length != rank)
        {
            throw new ModelContractException(modelPath, $"'{name}' must be a float32 tensor of rank {rank}.");
        }

        return dims[0] == Dynamic
            ? dims
            : throw new ModelContractException(modelPath, $"'{name}' has a fixed batch size {dims[0]}; the batch must be dynamic.");
    }

    private static string Format(int[] dims) => string.Join(",", dims.Select(d => d == Dynamic ? "N" : d.ToString()));
}
