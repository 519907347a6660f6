namespace Triage.Host.Composition;

/// <summary>
/// Which of the platform's services this process runs (<c>Triage:Services</c>, e.g. <c>review</c> or
/// <c>intake,inference</c>; all of them by default). A process running some of them shares the database and the
/// bus with the processes running the others.
/// </summary>
public sealed record HostedServices(bool Intake, bool Inference, bool Review, bool Training)
{
    public const string ConfigurationKey = "Triage:Services";

    public static readonly IReadOnlyList<string> Names = ["intake", "inference", "review", "training"];

    public static HostedServices All { get; } = new(true, true, true, true);

    public bool IsAll => this == All;

    /// <summary>Parses a comma-separated list of <see cref="Names"/> (any case; <c>all</c> for every one).</summary>
    /// <exception cref="FormatException">An unknown name, or none at all.</exception>
    public static HostedServices Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return All;
        }

        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant()).ToHashSet();
        if (names.Remove("all"))
        {
            names.UnionWith(Names);
        }

        var unknown = names.Except(Names).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            throw new FormatException(
                $"{ConfigurationKey} '{value}' names {(unknown.Count > 0 ? "unknown services: " + string.Join(", ", unknown) : "no service")}; " +
                $"use a comma-separated list of {string.Join(", ", Names)} (or all).");
        }

        return new HostedServices(names.Contains("intake"), names.Contains("inference"), names.Contains("review"), names.Contains("training"));
    }

    public override string ToString() =>
        string.Join(",", Names.Where((_, index) => new[] { Intake, Inference, Review, Training }[index]));
}
