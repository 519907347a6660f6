using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Triage.Imaging;
using Triage.Ml.Evaluation;
using Triage.Ml.Experiments;

namespace Triage.Host.Commands;

/// <summary>
/// <c>choose-escalation --data D --fold-models K:STUDENT:TEACHER ... [--folds 5] [--target-rate 0.3] [--out F.json]</c>:
/// the escalation thresholds for a target escalation rate, chosen on validation folds. Each fold's student and
/// teacher classify that fold's validation cases (which they never trained on); the thresholds are searched on
/// all of them together (<see cref="EscalationThresholdSearch"/>).
/// </summary>
internal static class ChooseEscalationCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "The PAD-UFES-20 folder the models were trained on.", Required = true };
        var foldModels = new Option<string[]>("--fold-models")
        {
            Description = "K:STUDENT.onnx:TEACHER.onnx — the models trained with fold K held out (repeatable).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var folds = new Option<int>("--folds") { DefaultValueFactory = _ => 5 };
        var target = new Option<double>("--target-rate") { Description = "The largest share of cases sent to the teacher.", DefaultValueFactory = _ => 0.3 };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the choice and its metrics as JSON." };
        var servingSettings = new Option<FileInfo?>("--serving-settings")
        {
            Description = "Also write the Inference settings that serve this pair with these thresholds (deploy/models/serving.json), model paths as given.",
        };
        var command = new Command("choose-escalation", "Choose the student-to-teacher escalation thresholds on validation folds for a target escalation rate.")
        {
            data, foldModels, folds, target, output, servingSettings,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var specs = parse.GetRequiredValue(foldModels).Select(FoldModels.Parse).ToList();
                var cases = EvaluateCommand.ReadCases(parse.GetRequiredValue(data).FullName);
                var validation = new List<CascadeCase>();
                foreach (var spec in specs)
                {
                    if (spec.Fold >= parse.GetValue(folds))
                    {
                        throw new EvaluationRefusedException($"Fold {spec.Fold} does not exist in a {parse.GetValue(folds)}-fold split.");
                    }

                    var held = FoldSplit.Of(cases, parse.GetValue(folds), spec.Fold).Validation;
                    validation.AddRange(await ClassifyAsync(spec, held, parse.InvocationConfiguration.Error, cancellationToken));
                }

                var choice = EscalationThresholdSearch.Choose(validation, parse.GetValue(target));
                var text = Describe(choice, validation.Count, specs.Count);
                await parse.InvocationConfiguration.Output.WriteLineAsync(text);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, Json(choice, validation.Count, specs), cancellationToken);
                }

                if (parse.GetValue(servingSettings) is { } settings)
                {
                    await File.WriteAllTextAsync(settings.FullName, ServingSettings(choice, specs[0]), cancellationToken);
                }

                return 0;
            }
            catch (EvaluationRefusedException refused)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(refused.Message);
                return EvaluateCommand.Refused;
            }
        });
        return command;
    }

    private static async Task<IEnumerable<CascadeCase>> ClassifyAsync(
        FoldModels spec, IReadOnlyList<Ml.PadUfes20.PadUfes20Case> held, TextWriter error, CancellationToken cancellationToken)
    {
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        using var student = EvaluateCommand.OpenModel(spec.Student);
        using var teacher = EvaluateCommand.OpenModel(spec.Teacher);
        await error.WriteLineAsync($"fold {spec.Fold}: {held.Count} validation cases");
        var (studentAnswers, _) = await Task.Run(() => new EvaluationRun(student, preprocessor, 16).Run(held, new EvaluationProgress(error, held.Count), cancellationToken), cancellationToken);
        var (teacherAnswers, _) = await Task.Run(() => new EvaluationRun(teacher, preprocessor, 16).Run(held, new EvaluationProgress(error, held.Count), cancellationToken), cancellationToken);
        var teacherByImage = teacherAnswers.ToDictionary(p => p.Case.ImageId);
        return studentAnswers.Select(s => new CascadeCase(s.Case.Diagnosis,
            [.. s.AsRecorded.Select(p => (double)p)], [.. teacherByImage[s.Case.ImageId].AsRecorded.Select(p => (double)p)]));
    }

    private static string Describe(EscalationChoice choice, int cases, int foldCount)
    {
        var t = choice.Thresholds;
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            {cases} validation cases from {foldCount} fold(s)
            thresholds: MinimumConfidence {t.MinimumConfidence:F2}, CancerBandLow {t.CancerBandLow:F2}, CancerBandHigh {t.CancerBandHigh:F2}
            escalation rate {choice.EscalationRate:P1}
            weighted F1: cascade {choice.Cascade.WeightedF1:F3}, student alone {choice.StudentAlone.WeightedF1:F3}, teacher alone {choice.TeacherAlone.WeightedF1:F3}
            accuracy:    cascade {choice.Cascade.Accuracy:F3}, student alone {choice.StudentAlone.Accuracy:F3}, teacher alone {choice.TeacherAlone.Accuracy:F3}
            """);
    }

    private static string Json(EscalationChoice choice, int cases, IReadOnlyList<FoldModels> specs) =>
        JsonSerializer.Serialize(new
        {
            n = cases,
            folds = specs.Select(s => s.Fold),
            escalation = new { choice.Thresholds.MinimumConfidence, choice.Thresholds.CancerBandLow, choice.Thresholds.CancerBandHigh },
            escalation_rate = choice.EscalationRate,
            cascade = Metrics(choice.Cascade),
            student_alone = Metrics(choice.StudentAlone),
            teacher_alone = Metrics(choice.TeacherAlone),
        }, new JsonSerializerOptions { WriteIndented = true });

    private static string ServingSettings(EscalationChoice choice, FoldModels models) =>
        JsonSerializer.Serialize(new
        {
            Inference = new
            {
                ModelPath = models.Student,
                TeacherModelPath = models.Teacher,
                Escalation = new { choice.Thresholds.MinimumConfidence, choice.Thresholds.CancerBandLow, choice.Thresholds.CancerBandHigh },
            },
        }, new JsonSerializerOptions { WriteIndented = true });

    private static object Metrics(ClassificationMetrics m) =>
        new { accuracy = m.Accuracy, balanced_accuracy = m.BalancedAccuracy, weighted_f1 = m.WeightedF1, macro_f1 = m.MacroF1 };

    private sealed record FoldModels(int Fold, string Student, string Teacher)
    {
        public static FoldModels Parse(string value)
        {
            var parts = value.Split(':');
            return parts.Length == 3 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var fold)
                ? new FoldModels(fold, parts[1], parts[2])
                : throw new EvaluationRefusedException($"--fold-models takes K:STUDENT:TEACHER, not '{value}'.");
        }
    }
}
