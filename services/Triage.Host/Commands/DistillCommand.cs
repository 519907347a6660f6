using System.CommandLine;
using Triage.Ml.Experiments;
using Triage.Ml.Pretrained;
using Triage.Ml.Training;

namespace Triage.Host.Commands;

/// <summary>
/// <c>distill --data D --out F [--teacher T] [--logits w] [--features w] [--attention w] [--temperature t] [--fold k]</c>:
/// the EfficientNet-B0 student, from its labels alone (no teacher) or distilled from a teacher trained on the same fold.
/// </summary>
internal static class DistillCommand
{
    public static Command Create()
    {
        var shared = new TrainingCommandOptions();
        var teacher = new Option<FileInfo>("--teacher") { Description = "Teacher weights from train-teacher (its .network.json beside it). Without it: focal loss only." };
        var logits = new Option<double>("--logits") { Description = "Weight of Hinton's logit distillation.", DefaultValueFactory = _ => 1.0 };
        var features = new Option<double>("--features") { Description = "Weight of feature similarity.", DefaultValueFactory = _ => 0.0 };
        var attention = new Option<double>("--attention") { Description = "Weight of attention transfer.", DefaultValueFactory = _ => 0.0 };
        var temperature = new Option<double>("--temperature") { DefaultValueFactory = _ => 4.0 };
        var command = new Command("distill", "Train the EfficientNet-B0 student, distilled from a teacher when one is given.")
        {
            teacher, logits, features, attention, temperature,
        };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (shared.ProblemWithData(parse) is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            var teacherPath = parse.GetValue(teacher)?.FullName;
            if (teacherPath is not null && !File.Exists(NetworkFiles.DescriptionPath(teacherPath)))
            {
                await Console.Error.WriteLineAsync($"{teacherPath}: no teacher weights with a description beside them (train-teacher writes both).");
                return 2;
            }

            var network = new NetworkDescription(NetworkDescription.Student, null, !parse.GetValue(shared.NoMetadata), parse.GetValue(shared.ImageSize));
            var weights = new DistillationWeights(
                Logits: parse.GetValue(logits), Features: parse.GetValue(features), Attention: parse.GetValue(attention), Temperature: parse.GetValue(temperature));
            try
            {
                ExperimentRunner.Run(
                    new ExperimentRequest(parse.GetRequiredValue(shared.Data).FullName, parse.GetRequiredValue(shared.Output).FullName, network,
                        shared.TrainingFrom(parse), parse.GetValue(shared.Folds), parse.GetValue(shared.Fold), teacherPath, weights, shared.PretrainedFrom(parse)),
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
