using Microsoft.ML.OnnxRuntime;
using Onnx;
using Triage.Ml.Onnx;

namespace Triage.Ml.Tests;

/// <summary>Runs a model held in memory on ONNX Runtime's CPU provider.</summary>
internal sealed class OrtRunner : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();

    public OrtRunner(ModelProto model) => _session = new InferenceSession(OnnxModelFile.ToBytes(model));

    public IReadOnlyDictionary<string, string> Metadata => _session.ModelMetadata.CustomMetadataMap;

    public IReadOnlyDictionary<string, NodeMetadata> Inputs => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    /// <summary>Runs with the given named inputs (data, shape) and returns every requested output's values.</summary>
    public Dictionary<string, float[]> Run(IReadOnlyDictionary<string, (float[] Data, long[] Shape)> inputs, params string[] outputs)
    {
        var values = inputs.ToDictionary(p => p.Key, p => OrtValue.CreateTensorValueFromMemory(p.Value.Data, p.Value.Shape));
        try
        {
            using var results = _session.Run(_runOptions, values.Keys.ToList(), values.Values.ToList(), outputs);
            return outputs.Select((name, i) => (name, data: results[i].GetTensorDataAsSpan<float>().ToArray()))
                .ToDictionary(p => p.name, p => p.data);
        }
        finally
        {
            foreach (var value in values.Values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
