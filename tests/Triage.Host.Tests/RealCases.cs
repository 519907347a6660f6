using Triage.Domain.Diagnoses;
using Triage.Ml.PadUfes20;
using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>Real PAD-UFES-20 cases from the shared data folder.</summary>
public static class RealCases
{
    private static readonly Lazy<IReadOnlyList<PadUfes20Case>> All = new(() => PadUfes20Reader.Read(TestPaths.PadUfes20));

    /// <summary>A biopsied cancer with every clinical feature known, at the original (large) resolution when there is one.</summary>
    public static PadUfes20Case CompleteCancer() =>
        All.Value.Where(c => c.Diagnosis.IsCancer() && c.Features.IsComplete)
            .OrderByDescending(c => new FileInfo(c.ImagePath).Length)
            .First();

    public static PadUfes20Case WithoutMetadata() =>
        All.Value.First(c => c.Features.Known.Count <= 3);

    public static PadUfes20Case Any(int index) => All.Value[index % All.Value.Count];
}
