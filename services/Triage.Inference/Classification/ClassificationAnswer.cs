using Triage.Contracts;
using Triage.Domain.Diagnoses;
using Triage.Inference.Escalation;

namespace Triage.Inference.Classification;

/// <summary>Turns a cascade's outcome into the message that answers the case.</summary>
internal static class ClassificationAnswer
{
    public static ClassificationCompleted For(Guid caseId, CascadeOutcome outcome, DateTimeOffset completedAt)
    {
        var deciding = Output(outcome.Deciding);
        return new ClassificationCompleted(
            caseId,
            deciding.ModelName,
            deciding.ModelVersion,
            deciding.ExecutionProvider,
            deciding.Probabilities,
            deciding.InferenceMilliseconds,
            completedAt,
            outcome.DecidedBy,
            Output(outcome.Student),
            outcome.Teacher is null ? null : Output(outcome.Teacher),
            outcome.ReasonNames);
    }

    private static ModelOutput Output(ModelRun run) =>
        new(run.Contract.ModelName, run.Contract.ModelVersion, run.ExecutionProvider,
            [.. Diagnoses.All.Select((d, i) => new DiagnosisProbability(d.Code(), run.Probabilities[i]))],
            run.Milliseconds,
            run.BatchSize,
            run.Attention);
}
