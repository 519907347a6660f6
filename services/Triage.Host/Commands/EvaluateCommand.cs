using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using Triage.Domain.ClinicalFeatures;
using Triage.Imaging;
using Triage.Inference.Models;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>
/// <c>evaluate --model M [--teacher T thresholds] --data D --out F</c>: runs an ONNX model, or the
/// student-teacher cascade, over a PAD-UFES-20 folder exactly as the inference service would (CPU) and
/// writes the metrics to F, the figures beside it.
/// </summary>
internal static class EvaluateCommand
{
    public const int Refused = 2;

    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "The ONNX model (docs/model-contract.md).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder in the PAD-UFES-20 layout (metadata.csv and images/).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the JSON report; the PNG figures go beside it.", Required = true };
        var teacher = new Option<FileInfo>("--teacher") { Description = "A teacher model: evaluate the student-teacher cascade as the inference service runs it." };
        var batchSize = new Option<int>("--batch-size") { Description = "Images per model run.", DefaultValueFactory = _ => 32 };
        var thresholds = new CascadeThresholdOptions();
        var command = new Command("evaluate", "Measure an ONNX model on a PAD-UFES-20 folder: metrics as JSON, figures as PNG.")
        {
            model, data, output, teacher, batchSize,
        };
        foreach (var option in thresholds.All)
        {
            command.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var teacherFile = parse.GetValue(teacher);
                var (modelPath, dataPath, outputPath) =
                    (parse.GetRequiredValue(model).FullName, parse.GetRequiredValue(data).FullName, parse.GetRequiredValue(output).FullName);
                var batch = Math.Max(1, parse.GetValue(batchSize));
                if (thresholds.Read(parse, teacherFile is not null) is { } escalation)
                {
                    await CascadeEvaluation.RunAsync(modelPath, teacherFile!.FullName, escalation, dataPath, outputPath, batch,
                        parse.InvocationConfiguration.Output, error, cancellationToken);
                }
                else
                {
                    await RunAsync(modelPath, dataPath, outputPath, batch, parse.InvocationConfiguration.Output, error, cancellationToken);
                }

                return 0;
            }
            catch (EvaluationRefusedException refused)
            {
                await error.WriteLineAsync(refused.Message);
                return Refused;
            }
        });
        return command;
    }

    private static async Task RunAsync(
        string modelPath, string dataFolder, string outputPath, int batchSize, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var cases = ReadCases(dataFolder);
        using var classifier = OpenModel(modelPath);
        var preprocessor = new ImagePreprocessor(new ImageDecoder(ImageLimits.Default));
        var run = new EvaluationRun(classifier, preprocessor, batchSize);
        var (predictions, skipped) = await Task.Run(() => run.Run(cases, new EvaluationProgress(error, cases.Count), cancellationToken), cancellationToken);
        foreach (var image in skipped)
        {
            await error.WriteLineAsync($"skipped {image.ImageId}: {image.Reason}");
        }

        if (predictions.Count == 0)
        {
            throw new EvaluationRefusedException($"No image of {dataFolder} could be classified.");
        }

        var evaluations = EvaluationReport.Evaluate(predictions);
        await EvaluationReport.WriteAsync(outputPath, classifier, dataFolder, evaluations, skipped, null, cancellationToken);
        await output.WriteLineAsync(EvaluationReport.Summary("metadata as recorded", evaluations.AsRecorded));
        await output.WriteLineAsync(EvaluationReport.Summary("complete metadata", evaluations.Complete));
        await output.WriteLineAsync(EvaluationReport.Summary("metadata withheld", evaluations.Withheld));
        await output.WriteLineAsync($"wrote {outputPath} and its .confusion.png, .roc.png and .reliability.png");
    }

    internal static IReadOnlyList<PadUfes20Case> ReadCases(string folder)
    {
        if (PadUfes20Reader.ProblemWith(folder) is { } problem)
        {
            throw new EvaluationRefusedException(problem);
        }

        try
        {
            var cases = PadUfes20Reader.Read(folder);
            return cases.Count > 0
                ? cases
                : throw new EvaluationRefusedException($"No row of {PadUfes20Reader.MetadataFile} in {folder} names an image present in {PadUfes20Reader.ImagesFolder}/.");
        }
        catch (InvalidDataException invalid)
        {
            throw new EvaluationRefusedException($"{PadUfes20Reader.MetadataFile} in {folder} cannot be read: {invalid.Message}", invalid);
        }
    }

    internal static OnnxClassifier OpenModel(string path)
    {
        if (!File.Exists(path))
        {
            throw new EvaluationRefusedException($"The model file {path} does not exist.");
        }

        OnnxClassifier classifier;
        try
        {
            classifier = OnnxClassifier.Open(path, ExecutionProviderPreference.Cpu, new ExecutionProviderSelector(NullLogger<ExecutionProviderSelector>.Instance));
        }
        catch (ModelContractException broken)
        {
            throw new EvaluationRefusedException(broken.Message, broken);
        }
        catch (OnnxRuntimeException unreadable)
        {
            throw new EvaluationRefusedException($"{path} is not a model ONNX Runtime can load: {unreadable.Message}", unreadable);
        }

        if (classifier.Contract.FeatureEncoding != ClinicalFeatureEncoder.Version)
        {
            var encoding = classifier.Contract.FeatureEncoding;
            classifier.Dispose();
            throw new EvaluationRefusedException(
                $"The model '{path}' takes features encoded as '{encoding}'; this platform encodes '{ClinicalFeatureEncoder.Version}'.");
        }

        return classifier;
    }
}
