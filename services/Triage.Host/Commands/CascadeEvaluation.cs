using Triage.Domain.Escalation;
using Triage.Imaging;
using Triage.Inference.Models;

namespace Triage.Host.Commands;

/// <summary><c>evaluate --teacher</c>: the student-teacher cascade as served, beside each model alone.</summary>
internal static class CascadeEvaluation
{
    public static async Task RunAsync(
        string studentPath, string teacherPath, EscalationThresholds thresholds, string dataFolder, string outputPath, int batchSize,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var cases = EvaluateCommand.ReadCases(dataFolder);
        using var models = OpenModels(studentPath, teacherPath, thresholds);
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        var run = new CascadeEvaluationRun(models, preprocessor, batchSize);
        var (predictions, skipped) = await Task.Run(() => run.Run(cases, new EvaluationProgress(error, cases.Count), cancellationToken), cancellationToken);
        foreach (var image in skipped)
        {
            await error.WriteLineAsync($"skipped {image.ImageId}: {image.Reason}");
        }

        if (predictions.Count == 0)
        {
            throw new EvaluationRefusedException($"No image of {dataFolder} could be classified.");
        }

        var cascade = EvaluationReport.Evaluate([.. predictions.Select(p => p.Cascade)]);
        await EvaluationReport.WriteAsync(outputPath, models.Student, dataFolder, cascade, skipped,
            report => CascadeReport.Add(report, predictions, models.Teacher!, models.Thresholds), cancellationToken);
        await output.WriteLineAsync(EvaluationReport.Summary("cascade, metadata as recorded", cascade.AsRecorded));
        await output.WriteLineAsync(EvaluationReport.Summary("student alone", EvaluationReport.Evaluate([.. predictions.Select(p => p.StudentAlone)]).AsRecorded));
        await output.WriteLineAsync(EvaluationReport.Summary("teacher alone", EvaluationReport.Evaluate([.. predictions.Select(p => p.TeacherAlone)]).AsRecorded));
        await output.WriteLineAsync(CascadeReport.Summary(predictions));
        await output.WriteLineAsync($"wrote {outputPath} and its .confusion.png, .roc.png and .reliability.png (the cascade's answers)");
    }

    private static ServingModels OpenModels(string studentPath, string teacherPath, EscalationThresholds thresholds)
    {
        var student = EvaluateCommand.OpenModel(studentPath);
        OnnxClassifier? teacher = null;
        try
        {
            teacher = EvaluateCommand.OpenModel(teacherPath);
            return new ServingModels(student, teacher, thresholds);
        }
        catch (ModelContractException mismatch)
        {
            student.Dispose();
            teacher?.Dispose();
            throw new EvaluationRefusedException(mismatch.Message, mismatch);
        }
        catch
        {
            student.Dispose();
            teacher?.Dispose();
            throw;
        }
    }
}
