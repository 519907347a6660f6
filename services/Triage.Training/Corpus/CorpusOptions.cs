using System.ComponentModel.DataAnnotations;

namespace Triage.Training.Corpus;

/// <summary>Where the seed cases are and how many patients the frozen evaluation set takes.</summary>
public sealed class CorpusOptions
{
    public const string SectionName = "Training:Corpus";

    /// <summary>A folder in the PAD-UFES-20 layout (metadata.csv and images/).</summary>
    [Required]
    public string SeedFolder { get; set; } = "../shared/data/pad-ufes-20";

    /// <summary>The share of patients whose cases only ever evaluate, never train.</summary>
    [Range(0.05, 0.5)]
    public double EvaluationShare { get; set; } = 0.2;
}
