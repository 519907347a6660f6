using Triage.Inference.Escalation;
using Triage.Ml.PadUfes20;

namespace Triage.Host.Commands;

/// <summary>One case through the cascade, with its metadata as recorded and withheld, and the teacher's
/// answer whether or not the cascade asked for it.</summary>
internal sealed record CascadePrediction(
    PadUfes20Case Case, CascadeOutcome AsRecorded, CascadeOutcome MetadataWithheld, ModelRun TeacherAsRecorded, ModelRun TeacherWithheld)
{
    public CasePrediction Cascade => new(Case, Floats(AsRecorded.Deciding), Floats(MetadataWithheld.Deciding));

    public CasePrediction StudentAlone => new(Case, Floats(AsRecorded.Student), Floats(MetadataWithheld.Student));

    public CasePrediction TeacherAlone => new(Case, Floats(TeacherAsRecorded), Floats(TeacherWithheld));

    private static float[] Floats(ModelRun run) => [.. run.Probabilities.Select(p => (float)p)];
}
