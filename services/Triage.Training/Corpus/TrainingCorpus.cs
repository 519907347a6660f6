using System.Security.Cryptography;
using System.Text;

namespace Triage.Training.Corpus;

/// <summary>The cases of one run: those it trains on (and validates with) and the frozen set it is judged on.</summary>
public sealed record TrainingCorpus(IReadOnlyList<LabelledCase> Training, IReadOnlyList<LabelledCase> Evaluation)
{
    public int Count => Training.Count + Evaluation.Count;

    /// <summary>SHA-256 over every case's side, id, diagnosis and photo hash, in a fixed order: equal hashes, equal corpora.</summary>
    public string Hash { get; } = HashOf(Training, Evaluation);

    private static string HashOf(IReadOnlyList<LabelledCase> training, IReadOnlyList<LabelledCase> evaluation)
    {
        var lines = training.Select(c => Line("train", c)).Concat(evaluation.Select(c => Line("evaluate", c))).Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    private static string Line(string side, LabelledCase c) => $"{side}|{c.CaseId}|{c.Case.Diagnosis}|{c.ImageSha256}";
}
