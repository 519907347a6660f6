using SkiaSharp;
using Triage.Domain.Diagnoses;
using Triage.Ml.Evaluation;
using Triage.Ml.Evaluation.Figures;
using Triage.Testing;

namespace Triage.Ml.Tests.Evaluation;

public class EvaluationFiguresTests
{
    [Fact]
    public void Writes_three_pngs_of_the_documented_sizes()
    {
        var random = new Random(7);
        var truth = Enumerable.Range(0, 60).Select(i => Diagnoses.All[i % 6]).ToList();
        var probabilities = truth.Select(d =>
        {
            var p = Enumerable.Range(0, 6).Select(k => (float)random.NextDouble() + (k == (int)d ? 0.6f : 0)).ToArray();
            var sum = p.Sum();
            return p.Select(v => v / sum).ToArray();
        }).ToList();
        var report = Path.Combine(TestPaths.NewTempFolder("figures"), "report.json");

        var paths = EvaluationFigures.Save(ModelEvaluation.From(truth, probabilities), report);

        Size(paths.ConfusionMatrix).Should().Be((ConfusionMatrixFigure.Width, ConfusionMatrixFigure.Height));
        Size(paths.Roc).Should().Be((RocFigure.Width, RocFigure.Height));
        Size(paths.Reliability).Should().Be((ReliabilityFigure.Width, ReliabilityFigure.Height));
        paths.Roc.Should().Be(report + ".roc.png");
    }

    [Fact]
    public void Finds_a_font_so_that_labels_are_drawn()
    {
        FigureFont.Path.Should().NotBeNull("without a font file every label of every figure is blank");
    }

    private static (int, int) Size(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes.Take(8).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        codec.EncodedFormat.Should().Be(SKEncodedImageFormat.Png);
        return (codec.Info.Width, codec.Info.Height);
    }
}
