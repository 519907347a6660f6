using Microsoft.Extensions.Caching.Memory;

namespace Triage.Review.Images;

/// <summary>Thumbnails made so far, bounded to 64 MB (about 5,000 thumbnails) so that a long worklist cannot fill memory.</summary>
public sealed class ThumbnailCache : IDisposable
{
    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public void Dispose() => Cache.Dispose();
}
