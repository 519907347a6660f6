namespace Triage.Training.Memory;

/// <summary>How much memory this process holds now.</summary>
public interface IProcessMemory
{
    /// <summary>Resident set size in bytes (what the operating system counts against a memory limit).</summary>
    long ResidentBytes { get; }
}

public sealed class ProcessMemory : IProcessMemory
{
    public long ResidentBytes => Environment.WorkingSet;
}
