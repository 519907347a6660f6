using Triage.Testing;

namespace Triage.Host.Tests;

/// <summary>A small folder in the PAD-UFES-20 layout: the metadata.csv rows of real images, the images copied.</summary>
internal static class EvaluationFolder
{
    /// <summary>The first <paramref name="perDiagnosis"/> rows with an image of each diagnosis.</summary>
    public static string Create(int perDiagnosis)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.PadUfes20, "metadata.csv"));
        var header = lines[0].Split(',');
        var image = Array.IndexOf(header, "img_id");
        var diagnosis = Array.IndexOf(header, "diagnostic");
        var rows = lines.Skip(1)
            .Select(line => (Line: line, Cells: line.Split(',')))
            .Where(row => File.Exists(TestPaths.PadUfes20Image(row.Cells[image])))
            .GroupBy(row => row.Cells[diagnosis])
            .SelectMany(group => group.Take(perDiagnosis))
            .ToList();

        var folder = TestPaths.NewTempFolder("evaluate-data");
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var row in rows)
        {
            File.Copy(TestPaths.PadUfes20Image(row.Cells[image]), Path.Combine(folder, "images", row.Cells[image]));
        }

        File.WriteAllLines(Path.Combine(folder, "metadata.csv"), [lines[0], .. rows.Select(row => row.Line)]);
        return folder;
    }
}
