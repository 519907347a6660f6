using System.Collections.Concurrent;

namespace Triage.Review.Tests;

/// <summary>One host per test class with real cases already flagged by the pipeline; each test takes cases of its own.</summary>
public abstract class FlaggedCasesFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<Guid> _unused = new();
    private readonly int _count;
    private readonly string[] _settings;
    private readonly Lazy<Guid> _shared;

    protected FlaggedCasesFixture(int count, params string[] settings)
    {
        _count = count;
        _settings = settings;
        _shared = new(TakeCase);
    }

    public ReviewHost Review { get; private set; } = null!;

    public Guid TakeCase() => _unused.TryDequeue(out var id) ? id : throw new InvalidOperationException("The fixture has no flagged case left; raise its count.");

    /// <summary>A case for tests that must leave it as it was (refusals): taken once, then shared.</summary>
    public Guid TakeCaseForReuse() => _shared.Value;

    public async Task InitializeAsync()
    {
        Review = await ReviewHost.StartAsync(_settings);
        foreach (var id in await Review.PostFlaggedCasesAsync(_count))
        {
            _unused.Enqueue(id);
        }
    }

    public async Task DisposeAsync() => await Review.DisposeAsync();
}

/// <summary>Three worklist rows a page, so that eight cases need paging.</summary>
public sealed class EightFlaggedCases() : FlaggedCasesFixture(8, "--Review:PageSize", "3");

/// <summary>Claims lapse at once, so that a second reviewer can take a case the first has open.</summary>
public sealed class FlaggedCasesWithoutClaims() : FlaggedCasesFixture(2, "--Review:ClaimDuration", "00:00:00");
