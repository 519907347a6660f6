using System.Globalization;
using ScottPlot;

namespace Triage.Ml.Evaluation.Figures;

/// <summary>Accuracy against mean top-class confidence per bin, the case count on each bar, ECE in the title.</summary>
public static class ReliabilityFigure
{
    public const int Width = 820;
    public const int Height = 760;

    public static void Save(Calibration calibration, string path)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var plot = new Plot();
        FigureFont.Apply(plot);
        var filled = calibration.Bins.Where(b => b.Count > 0).ToList();
        var bars = filled.Select(b => new Bar
        {
            Position = (b.Lower + b.Upper) / 2,
            Value = b.Accuracy,
            Size = (b.Upper - b.Lower) * 0.92,
            FillColor = Colors.SteelBlue.WithAlpha(0.8),
            LineColor = Colors.Navy,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.LegendText = "accuracy in bin";

        var confidence = plot.Add.ScatterPoints(
            filled.Select(b => (b.Lower + b.Upper) / 2).ToArray(), filled.Select(b => b.MeanConfidence).ToArray(), Colors.OrangeRed);
        confidence.MarkerSize = 9;
        confidence.LegendText = "mean confidence in bin";

        var ideal = plot.Add.Line(0, 0, 1, 1);
        ideal.LinePattern = LinePattern.Dashed;
        ideal.Color = Colors.Gray;
        ideal.LegendText = "perfect calibration";

        foreach (var b in filled)
        {
            var label = plot.Add.Text(b.Count.ToString(CultureInfo.InvariantCulture), (b.Lower + b.Upper) / 2, b.Accuracy + 0.015);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.LowerCenter;
        }

        var ece = calibration.ExpectedCalibrationError.ToString("0.000", CultureInfo.InvariantCulture);
        plot.Title($"Reliability, ECE {ece} ({calibration.Bins.Count} bins; cases per bin on the bars)");
        plot.XLabel("Top-class confidence");
        plot.YLabel("Accuracy");
        plot.Axes.SetLimits(0, 1, 0, 1.08);
        plot.Legend.FontSize = 15;
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, Width, Height);
    }
}
