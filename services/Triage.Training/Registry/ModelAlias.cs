namespace Triage.Training.Registry;

/// <summary>A movable name for a model version, as MLflow's aliases: <see cref="Champion"/> serves,
/// <see cref="Challenger"/> is the latest candidate that did not pass the gates.</summary>
public sealed class ModelAlias
{
    public const string Champion = "champion";
    public const string Challenger = "challenger";

    public required string Name { get; set; }

    public int ModelVersionId { get; set; }

    public ModelVersion? ModelVersion { get; set; }
}
