namespace Triage.Ml.Pretrained;

/// <summary>A file of pretrained weights does not fit the network: every missing, unexpected and mis-shaped key is named.</summary>
public sealed class PretrainedWeightsMismatchException(
    string source, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
    : Exception(Describe(source, missing, unexpected, misShaped))
{
    public IReadOnlyList<string> Missing { get; } = missing;

    public IReadOnlyList<string> Unexpected { get; } = unexpected;

    /// <summary>Each as "key: file [a, b] vs network [c, d]".</summary>
    public IReadOnlyList<string> MisShaped { get; } = misShaped;

    private static string Describe(string source, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> misShaped)
    {
        var parts = new List<string> { $"{source} does not fit the network." };
        if (misShaped.Count > 0)
            parts.Add($"Mis-shaped ({misShaped.Count}): {string.Join("; ", misShaped)}.");
        if (missing.Count > 0)
            parts.Add($"Missing from the file ({missing.Count}): {string.Join(", ", missing)}.");
        if (unexpected.Count > 0)
            parts.Add($"Unexpected in the file ({unexpected.Count}): {string.Join(", ", unexpected)}.");
        return string.Join(" ", parts);
    }
}
