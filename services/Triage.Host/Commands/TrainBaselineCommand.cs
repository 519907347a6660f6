using System.CommandLine;
using Triage.Ml.Baseline;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary><c>train-baseline --data D --out F</c>: the colour-statistics baseline, cross-validated and exported to ONNX.</summary>
internal static class TrainBaselineCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A folder in the PAD-UFES-20 layout (metadata.csv and images/).", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the ONNX model.", Required = true };
        var command = new Command("train-baseline", "Train the baseline model on PAD-UFES-20 and export it to ONNX.") { data, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetRequiredValue(data);
            if (PadUfes20Reader.ProblemWith(folder.FullName) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            await BaselineTrainer.RunAsync(folder.FullName, parse.GetRequiredValue(output).FullName, Console.Out);
            return 0;
        });
        return command;
    }
}
