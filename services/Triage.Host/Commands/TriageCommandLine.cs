using System.CommandLine;

namespace Triage.Host.Commands;

/// <summary>The verbs of the <c>triage</c> command line.</summary>
public static class TriageCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Skin-lesion triage platform: FHIR intake, ONNX classification, review and training.");
        root.Add(ServeCommand.Create());
        root.Add(TrainBaselineCommand.Create());
        root.Add(TrainTeacherCommand.Create());
        root.Add(DistillCommand.Create());
        root.Add(SummarizeCrossValidationCommand.Create());
        root.Add(TimeModelsCommand.Create());
        root.Add(TimeInferenceCommand.Create());
        root.Add(LoadTestCommand.Create());
        root.Add(TimeReviewCommand.Create());
        root.Add(EvaluateCommand.Create());
        root.Add(ChooseEscalationCommand.Create());
        root.Add(ExportOnnxCommand.Create());
        root.Add(TrainNowCommand.Create());
        root.Add(RollbackCommand.Create());
        root.Add(ReindexCommand.Create());
        return root;
    }
}
