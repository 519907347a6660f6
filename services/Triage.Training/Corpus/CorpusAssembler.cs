using Microsoft.Extensions.Options;

namespace Triage.Training.Corpus;

/// <summary>
/// Gathers the cases of every source, drops repeats (the same case id, or the same photo under another id: the
/// first source registered wins), and splits them by patient into training and the frozen evaluation set.
/// </summary>
public sealed class CorpusAssembler(IEnumerable<ILabelledCaseSource> sources, IOptions<CorpusOptions> options)
{
    public async Task<TrainingCorpus> AssembleAsync(CancellationToken cancellationToken)
    {
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var seenPhotos = new HashSet<string>(StringComparer.Ordinal);
        var cases = new List<LabelledCase>();
        foreach (var source in sources)
        {
            foreach (var labelled in await source.ReadAsync(cancellationToken))
            {
                if (seenIds.Add(labelled.CaseId) & seenPhotos.Add(labelled.ImageSha256))
                {
                    cases.Add(labelled);
                }
            }
        }

        var share = options.Value.EvaluationShare;
        var evaluation = cases.Where(c => FrozenEvaluationSet.Contains(c.Case.PatientId, share)).ToList();
        var training = cases.Where(c => !FrozenEvaluationSet.Contains(c.Case.PatientId, share)).ToList();
        return new TrainingCorpus(training, evaluation);
    }
}
