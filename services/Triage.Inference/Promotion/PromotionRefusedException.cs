namespace Triage.Inference.Promotion;

/// <summary>A promotion that names no usable models; the message says what is wrong.</summary>
public sealed class PromotionRefusedException(string problem) : Exception(problem);
