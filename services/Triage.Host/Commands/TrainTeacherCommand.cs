using System.CommandLine;
using Triage.Ml.Experiments;
using Triage.Ml.Models;

namespace Triage.Host.Commands;

/// <summary><c>train-teacher --data D --out F [--variant atto|femto|pico|nano|tiny] [--fold k]</c>.</summary>
internal static class TrainTeacherCommand
{
    public static Command Create()
    {
        var shared = new TrainingCommandOptions();
        var variant = new Option<string>("--variant") { Description = "ConvNeXt size: atto, femto, pico, nano or tiny.", DefaultValueFactory = _ => "atto" };
        variant.AcceptOnlyFromAmong("atto", "femto", "pico", "nano", "tiny");
        var command = new Command("train-teacher", "Train the ConvNeXt + CBAM + metadata teacher with focal loss.") { variant };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (shared.ProblemWithData(parse) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var network = new NetworkDescription(
                NetworkDescription.Teacher, ConvNeXtVariant.Parse(parse.GetRequiredValue(variant)).Name, !parse.GetValue(shared.NoMetadata), parse.GetValue(shared.ImageSize));
            ExperimentRunner.Run(
                new ExperimentRequest(parse.GetRequiredValue(shared.Data).FullName, parse.GetRequiredValue(shared.Output).FullName, network,
                    shared.TrainingFrom(parse), parse.GetValue(shared.Folds), parse.GetValue(shared.Fold)),
                Console.Out,
                cancellationToken);
            return 0;
        });
        return command;
    }
}
