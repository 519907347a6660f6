namespace Triage.Host.Commands;

/// <summary>The evaluation cannot start: the message says why, for the person at the command line.</summary>
internal sealed class EvaluationRefusedException(string message, Exception? inner = null) : Exception(message, inner);
