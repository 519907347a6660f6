using System.Globalization;
using System.Text;
using Triage.Domain.Diagnoses;

namespace Triage.Review.Cases;

/// <summary>
/// Both models' probabilities per diagnosis as an inline SVG bar chart, drawn on the server (no script, prints and reads
/// on any tablet). Cancers are marked; the text alternative lists every number.
/// </summary>
public static class ProbabilityChart
{
    private const int Row = 34, Left = 240, BarWidth = 300, Top = 28;

    public static string Svg(double[] student, double[]? teacher, string decidedBy)
    {
        var culture = CultureInfo.InvariantCulture;
        var height = Top + Diagnoses.All.Count * Row + 10;
        var svg = new StringBuilder();
        svg.Append(culture, $"<svg class=\"chart\" role=\"img\" viewBox=\"0 0 {Left + BarWidth + 70} {height}\" aria-labelledby=\"chart-title chart-desc\">");
        svg.Append("<title id=\"chart-title\">Probability of each diagnosis, by model</title>");
        svg.Append(culture, $"<desc id=\"chart-desc\">{Description(student, teacher)}</desc>");
        Legend(svg, teacher is not null, decidedBy);
        for (var i = 0; i < Diagnoses.All.Count; i++)
        {
            var diagnosis = Diagnoses.All[i];
            var y = Top + i * Row;
            var label = $"{diagnosis.Code()} {diagnosis.DisplayName()}";
            svg.Append(culture, $"<text x=\"0\" y=\"{y + 14}\" class=\"{(diagnosis.IsCancer() ? "cancer" : "benign")}\">{label}</text>");
            Bar(svg, y, student[i], "student", teacher is null ? 24 : 12);
            if (teacher is not null)
            {
                Bar(svg, y + 13, teacher[i], "teacher", 12);
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Legend(StringBuilder svg, bool hasTeacher, string decidedBy)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"4\" width=\"12\" height=\"12\" class=\"student\"/><text x=\"{Left + 16}\" y=\"15\">student{(decidedBy == "student" ? " (decided)" : "")}</text>");
        if (hasTeacher)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 150}\" y=\"4\" width=\"12\" height=\"12\" class=\"teacher\"/><text x=\"{Left + 166}\" y=\"15\">teacher{(decidedBy == "teacher" ? " (decided)" : "")}</text>");
        }
    }

    private static void Bar(StringBuilder svg, int y, double probability, string model, int thickness)
    {
        var width = Math.Round(Math.Clamp(probability, 0, 1) * BarWidth, 1);
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{Left}\" y=\"{y}\" width=\"{width}\" height=\"{thickness}\" class=\"{model}\"><title>{model} {probability:P1}</title></rect>" +
            $"<text x=\"{Left + width + 4}\" y=\"{y + thickness - 2}\" class=\"value\">{probability:P0}</text>");
    }

    private static string Description(double[] student, double[]? teacher) =>
        string.Join("; ", Diagnoses.All.Select((d, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{d.Code()}: student {student[i]:P1}{(teacher is null ? "" : $", teacher {teacher[i]:P1}")}")));
}
