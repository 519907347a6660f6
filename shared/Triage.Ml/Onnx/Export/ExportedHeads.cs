namespace Triage.Ml.Onnx.Export;

/// <summary>The graph values that become the <c>logits</c> and <c>attention</c> outputs.</summary>
internal sealed record ExportedHeads(string Logits, string Attention);
