using Triage.Domain.Diagnoses;
using Triage.Ml.Evaluation;
using static Triage.Domain.Diagnoses.Diagnosis;

namespace Triage.Ml.Tests.Evaluation;

public class MalignancyScreenTests
{
    public static TheoryData<string, Diagnosis[], Diagnosis[], double?, double?> Screens() => new()
    {
        // A melanoma read as BCC is still caught: cancer predicted for a cancer.
        { "cancer as another cancer", [MEL, BCC, NEV], [BCC, BCC, NEV], 1.0, 1.0 },
        // Cancers BCC (caught), SCC (missed as ACK); benign ACK (flagged as SCC), SEK, NEV (clear).
        { "one of each error", [BCC, SCC, ACK, SEK, NEV], [BCC, ACK, SCC, SEK, NEV], 0.5, 2.0 / 3 },
        { "no cancer", [ACK, NEV], [MEL, NEV], null, 0.5 },
        { "only cancers", [BCC, MEL], [ACK, MEL], 0.5, null },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public void Counts_the_predicted_class_being_a_cancer(
        string name, Diagnosis[] truth, Diagnosis[] predicted, double? sensitivity, double? specificity)
    {
        var confusion = ConfusionMatrix.From(truth.Select(d => (int)d).ToList(), predicted.Select(d => (int)d).ToList(), 6);

        var screen = MalignancyScreen.From(confusion);

        screen.Sensitivity.Should().Be(sensitivity, name);
        screen.Specificity.Should().Be(specificity, name);
        (screen.TruePositives + screen.FalseNegatives + screen.TrueNegatives + screen.FalsePositives).Should().Be(truth.Length);
    }
}
