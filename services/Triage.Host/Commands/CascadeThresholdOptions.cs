using System.CommandLine;
using System.Globalization;
using Triage.Domain.Escalation;

namespace Triage.Host.Commands;

/// <summary><c>--min-confidence</c>, <c>--cancer-low</c> and <c>--cancer-high</c>: the
/// <see cref="EscalationThresholds"/> of the cascade, all three or none with <c>--teacher</c>; none means the
/// released thresholds of <c>deploy/models/serving.json</c>.</summary>
internal sealed class CascadeThresholdOptions
{
    public Option<string> MinimumConfidence { get; } = new("--min-confidence")
    {
        Description = "With --teacher: a case escalates when the student's top probability is below this.",
    };

    public Option<string> CancerLow { get; } = new("--cancer-low")
    {
        Description = "With --teacher: lower end of the uncertain band of cancer probability (BCC + MEL + SCC).",
    };

    public Option<string> CancerHigh { get; } = new("--cancer-high")
    {
        Description = "With --teacher: upper end of the uncertain band of cancer probability (BCC + MEL + SCC).",
    };

    public IEnumerable<Option> All => [MinimumConfidence, CancerLow, CancerHigh];

    /// <returns>Null without a teacher.</returns>
    /// <exception cref="EvaluationRefusedException">A threshold is missing, unreadable or not a probability,
    /// or thresholds are given without a teacher.</exception>
    public EscalationThresholds? Read(ParseResult parse, bool hasTeacher)
    {
        var options = new[] { MinimumConfidence, CancerLow, CancerHigh };
        var given = options.Where(o => parse.GetValue(o) is not null).Select(o => o.Name).ToList();
        if (!hasTeacher)
        {
            return given.Count == 0
                ? null
                : throw new EvaluationRefusedException($"{string.Join(", ", given)} set the cascade's thresholds: give --teacher as well.");
        }

        var missing = options.Where(o => parse.GetValue(o) is null).Select(o => o.Name).ToList();
        if (given.Count == 0 && ReleasedThresholds() is { } released)
        {
            return released;
        }

        if (missing.Count > 0)
        {
            throw new EvaluationRefusedException(
                $"--teacher needs the escalation thresholds --min-confidence, --cancer-low and --cancer-high (or {TriageHost.ReleasedModelsSettings} to take them from); missing: {string.Join(", ", missing)}.");
        }

        return new EscalationThresholds(Probability(parse, MinimumConfidence), Probability(parse, CancerLow), Probability(parse, CancerHigh));
    }

    /// <summary>The thresholds <c>serve</c> uses with the released pair (<see cref="TriageHost.ReleasedModelsSettings"/>,
    /// from the working directory), or null when there is no such file.</summary>
    private static EscalationThresholds? ReleasedThresholds()
    {
        if (!File.Exists(TriageHost.ReleasedModelsSettings))
        {
            return null;
        }

        var escalation = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(TriageHost.ReleasedModelsSettings)).Build()
            .GetSection("Inference:Escalation").Get<Inference.Escalation.EscalationOptions>();
        return escalation is null || escalation.Missing().Any() ? null : escalation.ToThresholds();
    }

    private static double Probability(ParseResult parse, Option<string> option)
    {
        var text = parse.GetValue(option)!;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new EvaluationRefusedException($"{option.Name} must be a probability between 0 and 1, not '{text}'.");
    }
}
