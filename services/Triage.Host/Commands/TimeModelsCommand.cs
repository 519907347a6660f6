using System.CommandLine;
using Triage.Ml.Benchmarks;

namespace Triage.Host.Commands;

/// <summary><c>time-models [--threads N]</c>: sizes and step times of the student and every teacher variant (docs/ml.md).</summary>
internal static class TimeModelsCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 2 };
        var command = new Command("time-models", "Measure parameters, training step and inference time of each network (about a minute).") { threads };
        command.SetAction(parse =>
        {
            ArchitectureTiming.Run(Console.Out, Math.Max(1, parse.GetValue(threads)));
            return 0;
        });
        return command;
    }
}
