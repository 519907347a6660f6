namespace Triage.Training.Promotion;

/// <summary>A rollback that cannot be done; the message says why, and the champion has not moved.</summary>
public sealed class RollbackRefusedException(string problem) : Exception(problem);
