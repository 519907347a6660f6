namespace Triage.Ml.Onnx.Export;

/// <summary>A trained network cannot be exported; the message says why, in one line.</summary>
public sealed class NetworkExportRefusedException(string message, Exception? inner = null) : Exception(message, inner);
