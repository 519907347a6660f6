using System.Globalization;
using ScottPlot;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.Evaluation.Figures;

/// <summary>One-vs-rest ROC curves, one per class, with each class's AUC in the legend.</summary>
public static class RocFigure
{
    public const int Width = 820;
    public const int Height = 760;

    public static void Save(ModelEvaluation evaluation, string path)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var plot = new Plot();
        FigureFont.Apply(plot);
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LinePattern = LinePattern.Dashed;
        chance.Color = Colors.Gray;
        chance.LegendText = "chance";

        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (c, index) in evaluation.PerClass.Select((c, i) => (c, i)))
        {
            if (c.Roc is null)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(
                c.Roc.Points.Select(p => p.FalsePositiveRate).ToArray(),
                c.Roc.Points.Select(p => p.TruePositiveRate).ToArray(),
                palette.GetColor(index));
            line.LineWidth = 2;
            line.LegendText = $"{c.Diagnosis.Code()} (AUC {Format(c.Roc.Auc)}, n = {c.Scores.Support})";
        }

        var title = evaluation.MacroAuc is { } macro ? $"One-vs-rest ROC, macro AUC {Format(macro)}" : "One-vs-rest ROC";
        if (evaluation.AucExcluded.Count > 0)
        {
            title += $"\nno curve for {string.Join(", ", evaluation.AucExcluded.Select(d => d.Code()))} (no positives or no negatives)";
        }

        plot.Title(title);
        plot.XLabel("False positive rate (1 - specificity)");
        plot.YLabel("True positive rate (sensitivity)");
        plot.Axes.SetLimits(-0.01, 1.01, -0.01, 1.01);
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.FontSize = 15;
        plot.ShowLegend();
        plot.SavePng(path, Width, Height);
    }

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
