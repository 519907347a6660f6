using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Triage.Ml.PadUfes20;

namespace Triage.Training.Corpus;

/// <summary>The seed dataset: every row of the configured PAD-UFES-20 folder whose image is present.</summary>
public sealed class SeedFolderCaseSource(IOptions<CorpusOptions> options, IHostEnvironment environment) : ILabelledCaseSource
{
    public string Name => "seed";

    public string Folder => Path.GetFullPath(options.Value.SeedFolder, environment.ContentRootPath);

    public Task<IReadOnlyList<LabelledCase>> ReadAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledCase> cases = [.. Read().Select(c => new LabelledCase(c.ImageId, Name, FileSha256.Of(c.ImagePath), c))];
        return Task.FromResult(cases);
    }

    public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(Read().Count);

    private IReadOnlyList<PadUfes20Case> Read() =>
        PadUfes20Reader.ProblemWith(Folder) is { } problem ? throw new InvalidOperationException(problem) : PadUfes20Reader.Read(Folder);
}
