using Triage.Testing;

namespace Triage.Ml.Tests;

/// <summary>Small folders in the PAD-UFES-20 layout, made of rows and images of the shared copy.</summary>
internal static class TestData
{
    /// <summary>A folder with the first rows of each diagnosis whose image exists (their images linked,
    /// not copied) and some rows whose image does not.</summary>
    public static string Subset(string prefix, int rowsWithImage, int rowsWithoutImage = 0)
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.PadUfes20, "metadata.csv"));
        var imageColumn = Array.IndexOf(lines[0].Split(','), "img_id");
        var diagnosisColumn = Array.IndexOf(lines[0].Split(','), "diagnostic");
        var rows = lines.Skip(1).Select(l => (Line: l, Cells: l.Split(','))).ToList();
        bool HasImage((string Line, string[] Cells) row) => File.Exists(TestPaths.PadUfes20Image(row.Cells[imageColumn]));

        // Round-robin over the diagnoses so that a small subset still holds every class.
        var withImage = rows.Where(HasImage)
            .GroupBy(r => r.Cells[diagnosisColumn])
            .SelectMany(g => g.Select((row, rank) => (row, rank)))
            .OrderBy(p => p.rank).ThenBy(p => p.row.Cells[diagnosisColumn], StringComparer.Ordinal)
            .Take(rowsWithImage)
            .Select(p => p.row)
            .ToList();
        var withoutImage = rows.Where(r => !HasImage(r)).Take(rowsWithoutImage);

        var folder = TestPaths.NewTempFolder(prefix);
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        foreach (var row in withImage)
        {
            var name = row.Cells[imageColumn];
            File.CreateSymbolicLink(Path.Combine(folder, "images", name), TestPaths.PadUfes20Image(name));
        }

        File.WriteAllLines(Path.Combine(folder, "metadata.csv"), [lines[0], .. withImage.Concat(withoutImage).Select(r => r.Line)]);
        return folder;
    }
}
