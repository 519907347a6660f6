using Triage.Ml.PadUfes20;
using Triage.Testing;
using Triage.Training.Corpus;

namespace Triage.Training.Tests;

/// <summary>Real rows and photos of the shared PAD-UFES-20 copy, as a labelled-case source would give them.</summary>
internal static class SeedCases
{
    public static IReadOnlyList<LabelledCase> First(int count) =>
        [.. PadUfes20Reader.Read(TestPaths.PadUfes20).Take(count).Select(c => new LabelledCase(c.ImageId, "seed", FileSha256.Of(c.ImagePath), c))];
}
