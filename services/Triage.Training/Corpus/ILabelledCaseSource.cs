namespace Triage.Training.Corpus;

/// <summary>
/// Where labelled cases come from. The seed dataset is one (<see cref="SeedFolderCaseSource"/>); cases confirmed
/// by dermatologists in review are to be another, registered beside it, so the corpus takes them in without change.
/// </summary>
public interface ILabelledCaseSource
{
    string Name { get; }

    Task<IReadOnlyList<LabelledCase>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>How many cases <see cref="ReadAsync"/> would give, without reading the photos.</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);
}
