using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Triage.Domain.Promotion;
using Triage.Training.Promotion;
using Triage.Training.Registry;

namespace Triage.Training.Pipeline;

/// <summary>Applies the promotion gates to a registered challenger: it becomes champion and is announced, or it
/// stays challenger with the gates it failed. If the announcement fails the champion moves back.</summary>
public sealed class PromotionStep(ModelRegistry registry, ChampionAnnouncer announcer, IOptions<PromotionGateOptions> gates)
{
    public const string Promoted = "promoted";
    public const string KeptAsChallenger = "challenger";

    public async Task<(string Outcome, JsonObject Figures)> ApplyAsync(
        ModelVersion candidate, ModelScores scores, (ModelVersion Version, ModelScores Scores)? champion, bool parityPassed, string movedBy,
        CancellationToken cancellationToken)
    {
        var decision = ModelPromotionGate.Decide(scores, champion?.Scores, parityPassed, gates.Value);
        var figures = new JsonObject
        {
            ["candidate"] = candidate.Version,
            ["champion"] = champion?.Version.Version,
            ["failed_gates"] = new JsonArray([.. decision.FailedGates.Select(g => (JsonNode)g)]),
        };
        if (!decision.Promote)
        {
            await registry.MoveAliasAsync(ModelAlias.Challenger, candidate, movedBy, "failed the promotion gates: " + string.Join(" ", decision.FailedGates), cancellationToken);
            figures["outcome"] = KeptAsChallenger;
            return (KeptAsChallenger, figures);
        }

        var reason = "passed the promotion gates on the frozen evaluation set: " + Describe(scores)
                     + (champion is { } c ? $" (champion {c.Version.Version}: {Describe(c.Scores)})" : "");
        await registry.MoveAliasAsync(ModelAlias.Champion, candidate, movedBy, reason, cancellationToken);
        try
        {
            await announcer.AnnounceAsync(candidate, movedBy, reason, cancellationToken);
        }
        catch when (champion is { } previous)
        {
            await registry.MoveAliasAsync(ModelAlias.Champion, previous.Version, movedBy, $"the announcement of {candidate.Version} failed", CancellationToken.None);
            throw;
        }

        figures["outcome"] = Promoted;
        return (Promoted, figures);
    }

    private static string Describe(ModelScores scores) => string.Create(CultureInfo.InvariantCulture,
        $"weighted F1 {scores.WeightedF1:0.####}, cancer sensitivity {scores.CancerSensitivity:0.####}, ECE {scores.ExpectedCalibrationError:0.####}");
}
