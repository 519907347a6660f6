using System.CommandLine;
using Triage.Ml.Experiments;
using Triage.Ml.Pretrained;
using Triage.Ml.Models;

namespace Triage.Host.Commands;

/// <summary><c>train-teacher --data D --out F [--backbone convnext|resnet18|resnet18-mlnet] [--variant atto|femto|pico|nano|tiny] [--pretrained FILE] [--fold k]</c>.</summary>
internal static class TrainTeacherCommand
{
    public static Command Create()
    {
        var shared = new TrainingCommandOptions();
        var variant = new Option<string>("--variant") { Description = "ConvNeXt size: atto, femto, pico, nano or tiny.", DefaultValueFactory = _ => "atto" };
        variant.AcceptOnlyFromAmong("atto", "femto", "pico", "nano", "tiny");
        var backbone = new Option<string>("--backbone") { Description = "Image trunk: convnext (size from --variant), resnet18 (torchvision's) or resnet18-mlnet (the ImageNet ResNet18 of Microsoft.ML.DnnImageFeaturizer.ResNet18: three blocks in its last stage).", DefaultValueFactory = _ => "convnext" };
        backbone.AcceptOnlyFromAmong("convnext", "resnet18", "resnet18-mlnet");
        var command = new Command("train-teacher", "Train the ConvNeXt (or ResNet18) + CBAM + metadata teacher with focal loss.") { backbone, variant };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (shared.ProblemWithData(parse) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var trunk = parse.GetRequiredValue(backbone) is "convnext" ? ConvNeXtVariant.Parse(parse.GetRequiredValue(variant)).Name : parse.GetRequiredValue(backbone);
            var network = new NetworkDescription(NetworkDescription.Teacher, trunk, !parse.GetValue(shared.NoMetadata), parse.GetValue(shared.ImageSize));
            try
            {
                ExperimentRunner.Run(
                    new ExperimentRequest(parse.GetRequiredValue(shared.Data).FullName, parse.GetRequiredValue(shared.Output).FullName, network,
                        shared.TrainingFrom(parse), parse.GetValue(shared.Folds), parse.GetValue(shared.Fold), PretrainedWeights: shared.PretrainedFrom(parse)),
                    Console.Out,
                    cancellationToken);
            }
            catch (PretrainedWeightsMismatchException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 2;
            }

            return 0;
        });
        return command;
    }
}
