namespace Triage.Ml.Onnx.Export;

/// <summary>How an exported file stores its weights. The graph computes in float32 either way.</summary>
public enum WeightPrecision
{
    Float32,

    /// <summary>Weight tensors stored as float16, each cast to float32 when the session loads:
    /// half the file (ConvNeXt-T: ~56 MB instead of ~112 MB), at float16 rounding of every weight.</summary>
    Float16,
}
