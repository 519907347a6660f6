using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.PadUfes20;

/// <summary>Reads a folder in the PAD-UFES-20 layout: <c>metadata.csv</c> and <c>images/</c>.</summary>
public static class PadUfes20Reader
{
    public const string MetadataFile = "metadata.csv";
    public const string ImagesFolder = "images";

    /// <summary>Why <paramref name="folder"/> is not in the PAD-UFES-20 layout, or null when it is.</summary>
    public static string? ProblemWith(string folder) =>
        !Directory.Exists(folder) ? $"The data folder {folder} does not exist."
        : !File.Exists(Path.Combine(folder, MetadataFile)) ? $"{folder} has no {MetadataFile}: not a PAD-UFES-20 folder."
        : null;

    /// <summary>The rows whose image exists, in file order.</summary>
    public static IReadOnlyList<PadUfes20Case> Read(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, MetadataFile));
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{MetadataFile} in {folder} is empty.");
        }

        var header = lines[0].Split(',');
        var column = header.Select((name, index) => (name, index)).ToDictionary(p => p.name.Trim(), p => p.index, StringComparer.Ordinal);
        string Cell(string[] cells, string name) =>
            column.TryGetValue(name, out var i) && i < cells.Length ? cells[i].Trim() : "";

        var cases = new List<PadUfes20Case>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var imageId = Cell(cells, "img_id");
            var imagePath = Path.Combine(folder, ImagesFolder, imageId);
            if (imageId.Length == 0 || !File.Exists(imagePath))
            {
                continue;
            }

            if (!Diagnoses.TryParse(Cell(cells, "diagnostic"), out var diagnosis))
            {
                throw new InvalidDataException($"{imageId}: unknown diagnosis '{Cell(cells, "diagnostic")}'.");
            }

            cases.Add(new PadUfes20Case(
                Cell(cells, "patient_id"),
                Cell(cells, "lesion_id"),
                imageId,
                imagePath,
                diagnosis,
                PadUfes20Cells.ParseFeatures(name => Cell(cells, name)),
                PadUfes20Cells.ParseBoolean(Cell(cells, "biopsed")) == true));
        }

        return cases;
    }
}
