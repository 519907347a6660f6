using System.Globalization;
using Triage.Domain.ClinicalFeatures;
using Triage.Ml.PadUfes20;

namespace Triage.Training.Corpus;

/// <summary>
/// Writes cases as a folder in the PAD-UFES-20 layout, the form the training code reads: a metadata.csv that
/// reads back to the same features and diagnoses, and images/ linking to the original photos (not copies).
/// </summary>
public static class CorpusFolder
{
    private static readonly string[] Header =
        ["patient_id", "lesion_id", .. ClinicalFeatureCatalogue.All.Select(f => f.Key), "diagnostic", "img_id", "biopsed"];

    public static string Write(IReadOnlyList<LabelledCase> cases, string folder)
    {
        var images = Path.Combine(folder, PadUfes20Reader.ImagesFolder);
        Directory.CreateDirectory(images);
        var lines = new List<string>(cases.Count + 1) { string.Join(',', Header) };
        foreach (var labelled in cases)
        {
            var c = labelled.Case;
            var extension = Path.GetExtension(c.ImagePath);
            var imageId = labelled.CaseId.EndsWith(extension, StringComparison.OrdinalIgnoreCase) ? labelled.CaseId : labelled.CaseId + extension;
            var link = Path.Combine(images, imageId);
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.GetFullPath(c.ImagePath));
            }

            lines.Add(string.Join(',', [
                c.PatientId, c.LesionId, .. ClinicalFeatureCatalogue.All.Select(f => Cell(c.Features[f.Key])),
                c.Diagnosis.ToString(), imageId, c.Biopsied ? "True" : "False"]));
        }

        File.WriteAllLines(Path.Combine(folder, PadUfes20Reader.MetadataFile), lines);
        return folder;
    }

    private static string Cell(FeatureValue value) =>
        value.Boolean is { } flag ? (flag ? "True" : "False")
        : value.Number is { } number ? number.ToString("R", CultureInfo.InvariantCulture)
        : value.Category ?? "";
}
