using System.Globalization;
using ScottPlot;

namespace Triage.Ml.Evaluation.Figures;

/// <summary>The confusion matrix twice, side by side: counts, and each row divided by its class's cases.</summary>
public static class ConfusionMatrixFigure
{
    public const int Width = 1300;
    public const int Height = 620;

    private static readonly Color Light = new(247, 251, 255);
    private static readonly Color Dark = new(8, 48, 107);

    public static void Save(ConfusionMatrix confusion, IReadOnlyList<string> labels, string path)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var counts = confusion.ToRows();
        var normalised = confusion.RowNormalised();
        var multiplot = new Multiplot(Panel($"Counts (n = {confusion.N})", labels, i => counts[i].Select(v => (double)v).ToArray(),
            v => v.ToString("0", CultureInfo.InvariantCulture)))
        {
            Layout = new ScottPlot.MultiplotLayouts.Columns(),
        };
        multiplot.AddPlot(Panel("Row-normalised (recall on the diagonal)", labels, i => normalised[i],
            v => v.ToString("0.00", CultureInfo.InvariantCulture)));
        multiplot.SavePng(path, Width, Height);
    }

    private static Plot Panel(string title, IReadOnlyList<string> labels, Func<int, double[]> row, Func<double, string> format)
    {
        var k = labels.Count;
        var values = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            var cells = row(i);
            for (var j = 0; j < k; j++)
            {
                values[i, j] = cells[j];
            }
        }

        var plot = new Plot();
        FigureFont.Apply(plot);
        var maximum = Math.Max(values.Cast<double>().Max(), 1e-9);
        for (var i = 0; i < k; i++)
        {
            // True class i is row i from the top: centred on y = k - 1 - i.
            var y = k - 1 - i;
            for (var j = 0; j < k; j++)
            {
                var shade = values[i, j] / maximum;
                var cell = plot.Add.Rectangle(j - 0.5, j + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Light.InterpolateRgb(Dark, shade);
                cell.LineColor = Colors.White;
                var text = plot.Add.Text(format(values[i, j]), j, y);
                text.LabelFontSize = 17;
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontColor = shade > 0.5 ? Colors.White : Colors.Black;
            }
        }

        var ticks = Enumerable.Range(0, k).Select(j => (double)j).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, [.. labels]);
        plot.Axes.Left.SetTicks(ticks.Select(t => k - 1 - t).ToArray(), [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Title(title);
        plot.XLabel("Predicted class");
        plot.YLabel("True class");
        plot.Grid.IsVisible = false;
        return plot;
    }
}
