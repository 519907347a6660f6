using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Contracts;
using Triage.Domain.Promotion;
using Triage.Ml.Onnx.Export;
using Triage.Training.Corpus;
using Triage.Training.Memory;
using Triage.Training.Promotion;
using Triage.Training.Registry;

namespace Triage.Training.Pipeline;

/// <summary>
/// corpus -> memory bound -> teacher (when asked, or when none is registered) -> distil -> calibrate -> export -> parity ->
/// evaluate against the champion on the frozen set -> register -> gates -> promote or keep as challenger.
/// Each step is recorded on the run; a failing step fails the run and the champion stays where it was. Resident
/// memory is watched throughout: a run that takes the process over its bound is stopped and fails.
/// </summary>
public sealed class TrainingPipeline(
    TrainingRunRecorder recorder,
    CorpusAssembler corpus,
    MemoryBudgetCheck memoryBudget,
    ResidentMemoryWatch memoryWatch,
    NetworkTraining training,
    ParityCheck parity,
    FrozenSetEvaluation evaluation,
    ServingChampion servingChampion,
    ModelRegistry registry,
    PromotionStep promotion,
    IOptions<PipelineOptions> options,
    IHostEnvironment environment,
    ILogger<TrainingPipeline> logger)
{
    public async Task<TrainingRunRecord> RunAsync(PipelineRequest request, CancellationToken cancellationToken)
    {
        await recorder.StartAsync(request.JobId, request.RetrainTeacher, request.TriggeredBy, cancellationToken);
        var run = recorder.Run;
        // From here on the token is also cancelled when the process goes over its memory bound.
        cancellationToken = memoryWatch.Start(cancellationToken);
        var folder = Path.Combine(Path.GetFullPath(options.Value.ArtefactFolder, environment.ContentRootPath), $"run-{run.Id}");
        Directory.CreateDirectory(folder);
        using var progress = new LogLineWriter(logger, run.Id);
        var movedBy = request.JobId is null ? $"training run {run.Id}" : $"training run {run.Id} (job {request.JobId})";

        var cases = await recorder.StepAsync("corpus", () => AssembleAsync(folder, cancellationToken), cancellationToken);
        var corpusFolder = Path.Combine(folder, "corpus");
        var manifest = Path.Combine(folder, "corpus.json");

        var teacher = request.RetrainTeacher ? null : await registry.LatestTeacherAsync(cancellationToken);
        await recorder.StepAsync(MemoryBudgetCheck.Step, () =>
            Task.FromResult((true, memoryBudget.Check(cases.Training.Count, teacher?.ArtefactPath))), cancellationToken);
        teacher ??= await recorder.StepAsync("teacher", async () =>
        {
            var weights = Path.Combine(folder, "teacher.weights");
            var report = await training.TrainTeacher(corpusFolder, weights, progress, cancellationToken);
            var registered = await registry.RegisterAsync(new ModelVersion
            {
                Version = $"teacher-r{run.Id}", Role = ModelRole.Teacher, Architecture = $"convnext-{options.Value.TeacherVariant}-cbam-metadata",
                CorpusHash = cases.Hash, CorpusCasesPath = manifest, MetricsJson = TrainingFigures(report).ToJsonString(),
                ArtefactPath = weights, ArtefactSha256 = FileSha256.Of(weights), TrainingRunId = run.Id,
            }, cancellationToken);
            return (registered, TrainingFigures(report));
        }, cancellationToken);

        var studentWeights = Path.Combine(folder, "student.weights");
        var studentReport = await recorder.StepAsync("distil", async () =>
        {
            var report = await training.DistilStudent(corpusFolder, studentWeights, teacher.ArtefactPath, progress, cancellationToken);
            var figures = TrainingFigures(report);
            figures["teacher"] = teacher.Version;
            return (report, figures);
        }, cancellationToken);

        var temperature = await recorder.StepAsync("calibrate", () =>
        {
            var fitted = studentReport["temperature"]?.GetValue<double>() ?? double.NaN;
            return double.IsFinite(fitted) && fitted > 0
                ? Task.FromResult(((float)fitted, new JsonObject { ["temperature"] = fitted }))
                : throw new TrainingStepFailedException("calibrate", $"the temperature fitted on validation is {fitted}, not a positive number.");
        }, cancellationToken);

        var version = $"student-r{run.Id}";
        var onnx = Path.Combine(folder, "student.onnx");
        await recorder.StepAsync("export", () =>
        {
            var contract = TrainedNetworkExport.Run(studentWeights, onnx, ModelRole.Student, version, temperature);
            return Task.FromResult((contract, new JsonObject { ["onnx"] = onnx, ["version"] = version, ["architecture"] = contract.Architecture, ["sha256"] = FileSha256.Of(onnx) }));
        }, cancellationToken);

        var parityResult = await recorder.StepAsync("parity", () =>
        {
            var measured = parity.Measure(studentWeights, onnx, [.. cases.Evaluation.Take(options.Value.ParityImages)], options.Value.ParityTolerance, cancellationToken);
            return Task.FromResult((measured, new JsonObject
            {
                ["images"] = measured.Images, ["max_probability_difference"] = measured.MaxProbabilityDifference, ["tolerance"] = measured.Tolerance, ["passed"] = measured.Passed,
            }));
        }, cancellationToken);

        var (challenger, champion) = await recorder.StepAsync("evaluate", async () =>
        {
            var candidate = evaluation.Evaluate(onnx, cases.Evaluation, cancellationToken);
            var current = await servingChampion.CurrentAsync(cancellationToken);
            var judged = current is null ? null : ((ModelVersion, FrozenSetResult)?)(current, evaluation.Evaluate(current.ArtefactPath, cases.Evaluation, cancellationToken));
            return ((candidate, judged), new JsonObject { ["challenger"] = candidate.Report, ["champion"] = judged?.Item2.Report.DeepClone() });
        }, cancellationToken);

        var registeredStudent = await recorder.StepAsync("register", async () =>
        {
            var metrics = new JsonObject
            {
                ["frozen_set"] = challenger.Report.DeepClone(),
                ["champion_on_frozen_set"] = champion is { } c ? new JsonObject { ["version"] = c.Item1.Version, ["report"] = c.Item2.Report.DeepClone() } : null,
                ["parity"] = new JsonObject { ["max_probability_difference"] = parityResult.MaxProbabilityDifference, ["passed"] = parityResult.Passed },
                ["temperature"] = temperature,
                ["training"] = TrainingFigures(studentReport),
            };
            var registered = await registry.RegisterAsync(new ModelVersion
            {
                Version = version, Role = ModelRole.Student, Architecture = "efficientnet-b0-metadata", CorpusHash = cases.Hash, CorpusCasesPath = manifest,
                MetricsJson = metrics.ToJsonString(), ArtefactPath = onnx, ArtefactSha256 = FileSha256.Of(onnx), ParentTeacherId = teacher.Id, TrainingRunId = run.Id,
            }, cancellationToken);
            return (registered, new JsonObject { ["version"] = version, ["id"] = registered.Id });
        }, cancellationToken);

        var outcome = await recorder.StepAsync("promote", () => promotion.ApplyAsync(
            registeredStudent,
            challenger.Scores,
            champion is { } judged ? (judged.Item1, judged.Item2.Scores) : null,
            parityResult.Passed,
            movedBy,
            cancellationToken), cancellationToken);

        await recorder.SucceedAsync(outcome, cancellationToken);
        return run;
    }

    private async Task<(TrainingCorpus, JsonObject)> AssembleAsync(string folder, CancellationToken cancellationToken)
    {
        var assembled = await corpus.AssembleAsync(cancellationToken);
        if (assembled.Training.Count == 0 || assembled.Evaluation.Count == 0)
        {
            throw new TrainingStepFailedException("corpus",
                $"{assembled.Training.Count} training and {assembled.Evaluation.Count} evaluation cases: both sides need cases.");
        }

        CorpusFolder.Write(assembled.Training, Path.Combine(folder, "corpus"));
        var manifest = CorpusManifest.Write(assembled, Path.Combine(folder, "corpus.json"));
        recorder.Run.CorpusHash = assembled.Hash;
        recorder.Run.CorpusCaseCount = assembled.Count;
        return (assembled, new JsonObject
        {
            ["hash"] = assembled.Hash, ["training_cases"] = assembled.Training.Count, ["evaluation_cases"] = assembled.Evaluation.Count, ["case_ids"] = manifest,
        });
    }

    private static JsonObject TrainingFigures(JsonObject report) => new()
    {
        ["best_epoch"] = report["best_epoch"]?.DeepClone(),
        ["temperature"] = report["temperature"]?.DeepClone(),
        ["seconds_per_epoch"] = report["seconds_per_epoch"]?.DeepClone(),
        ["training_images"] = report["training_images"]?.DeepClone(),
        ["validation_images"] = report["validation_images"]?.DeepClone(),
        ["validation"] = report["validation"]?["as_recorded"]?.DeepClone(),
    };
}
