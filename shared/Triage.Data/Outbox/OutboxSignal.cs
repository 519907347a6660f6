namespace Triage.Data.Outbox;

/// <summary>Wakes the outbox dispatcher right after a commit that added messages.</summary>
public sealed class OutboxSignal : WakeUpSignal;
