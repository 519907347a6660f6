using System.CommandLine;
using Triage.Ml.Experiments;

namespace Triage.Host.Commands;

/// <summary><c>summarize-cv --results DIR</c>: the cross-validation table (mean ± SD over folds) as Markdown.</summary>
internal static class SummarizeCrossValidationCommand
{
    public static Command Create()
    {
        var results = new Option<DirectoryInfo>("--results")
        {
            Description = "The folder of NAME-foldK.json reports.",
            DefaultValueFactory = _ => new DirectoryInfo("deploy/training/results"),
        };
        var command = new Command("summarize-cv", "Summarise cross-validation reports as a Markdown table.") { results };
        command.SetAction(parse =>
        {
            var folder = parse.GetRequiredValue(results);
            if (!folder.Exists)
            {
                Console.Error.WriteLine($"{folder.FullName} does not exist.");
                return 2;
            }

            Console.Write(CrossValidationSummary.ToMarkdown(folder.FullName));
            return 0;
        });
        return command;
    }
}
