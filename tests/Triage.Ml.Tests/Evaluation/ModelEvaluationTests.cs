using System.Text.Json.Nodes;
using Triage.Ml.Evaluation;
using static Triage.Domain.Diagnoses.Diagnosis;

namespace Triage.Ml.Tests.Evaluation;

public class ModelEvaluationTests
{
    // Columns ACK BCC MEL NEV SCC SEK. Predicted: BCC (right), BCC (a melanoma), NEV (right), MEL (an ACK).
    private static readonly float[][] Probabilities =
    [
        [0.1f, 0.6f, 0.1f, 0.1f, 0.05f, 0.05f],
        [0.1f, 0.5f, 0.3f, 0.05f, 0.05f, 0f],
        [0f, 0.2f, 0.1f, 0.7f, 0f, 0f],
        [0.4f, 0.1f, 0.45f, 0.05f, 0f, 0f],
    ];

    private static readonly ModelEvaluation Evaluation = ModelEvaluation.From([BCC, MEL, NEV, ACK], Probabilities);

    [Fact]
    public void Measures_the_worked_example()
    {
        Evaluation.N.Should().Be(4);
        Evaluation.Metrics.Accuracy.Should().Be(0.5);
        // Recall: ACK 0, BCC 1, MEL 0, NEV 1. F1: BCC 2/3 (P 1/2, R 1), NEV 1, the others 0.
        Evaluation.Metrics.BalancedAccuracy.Should().Be(0.5);
        Evaluation.Metrics.WeightedF1.Should().BeApproximately(5.0 / 12, 1e-12);
        Evaluation.Metrics.MacroF1.Should().BeApproximately(5.0 / 12, 1e-12);
        // Both cancers flagged; of the two benign cases the ACK read as MEL is flagged.
        Evaluation.Malignancy.Sensitivity.Should().Be(1);
        Evaluation.Malignancy.Specificity.Should().Be(0.5);
        // Top-class confidence 0.6 (right), 0.5 (wrong), 0.7 (right), 0.45 (wrong), each alone in its bin:
        // (0.4 + 0.5 + 0.3 + 0.45) / 4.
        Evaluation.Calibration.ExpectedCalibrationError.Should().BeApproximately(0.4125, 1e-6);
    }

    [Fact]
    public void Macro_auc_leaves_out_classes_without_positives()
    {
        // ACK, BCC and NEV rank their one positive first; MEL's positive (0.3) beats 0.1 and 0.1 but not 0.45.
        Evaluation.AucClasses.Should().Equal(ACK, BCC, MEL, NEV);
        Evaluation.AucExcluded.Should().Equal(SCC, SEK);
        Evaluation.PerClass[(int)MEL].Roc!.Auc.Should().BeApproximately(2.0 / 3, 1e-12);
        Evaluation.MacroAuc.Should().BeApproximately(11.0 / 12, 1e-12);
    }

    [Fact]
    public void A_tie_goes_to_the_first_class_in_class_order()
    {
        var evaluation = ModelEvaluation.From([BCC], [[0.1f, 0.4f, 0.4f, 0.1f, 0f, 0f]]);

        evaluation.Confusion[(int)BCC, (int)BCC].Should().Be(1);
        evaluation.MacroAuc.Should().BeNull();
    }

    [Fact]
    public void Json_carries_every_key_and_null_for_what_is_undefined()
    {
        var json = ModelEvaluationJson.ToJson(ModelEvaluation.From([ACK, NEV], [[0.9f, 0, 0, 0.1f, 0, 0], [0.2f, 0, 0, 0.8f, 0, 0]]));

        json.Select(p => p.Key).Should().Contain(
            ["n", "accuracy", "balanced_accuracy", "weighted_f1", "macro_f1", "macro_auc", "macro_auc_excluded", "ece",
             "malignant_sensitivity", "malignant_specificity", "per_class", "confusion_matrix"]);
        json["malignant_sensitivity"].Should().BeNull();
        json["malignant_specificity"]!.GetValue<double>().Should().Be(1);
        json["macro_auc"]!.GetValue<double>().Should().Be(1);
        json["macro_auc_excluded"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("BCC", "MEL", "SCC", "SEK");
        var ack = json["per_class"]!["ACK"]!.AsObject();
        ack.Select(p => p.Key).Should().Equal("precision", "recall", "f1", "support", "auc");
        json["per_class"]!["MEL"]!["auc"].Should().BeNull();
        json["confusion_matrix"]!["counts"]!.AsArray().Should().HaveCount(6);
        json["confusion_matrix"]!["counts"]![0]!.AsArray().Select(n => n!.GetValue<int>()).Should().Equal(1, 0, 0, 0, 0, 0);
        JsonNode.Parse(json.ToJsonString()).Should().NotBeNull();
    }
}
