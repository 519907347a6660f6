using System.Text.Json;

namespace Triage.Training.Corpus;

/// <summary>The case-ids file of a run: enough to rebuild its corpus from the same sources.</summary>
public static class CorpusManifest
{
    public static string Write(TrainingCorpus corpus, string path)
    {
        var manifest = new
        {
            hash = corpus.Hash,
            training = corpus.Training.Select(c => new { id = c.CaseId, source = c.Source, patient = c.Case.PatientId, diagnosis = c.Case.Diagnosis.ToString(), sha256 = c.ImageSha256 }),
            evaluation = corpus.Evaluation.Select(c => new { id = c.CaseId, source = c.Source, patient = c.Case.PatientId, diagnosis = c.Case.Diagnosis.ToString(), sha256 = c.ImageSha256 }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
