using System.Collections.Concurrent;
using System.Security.Cryptography;
using Triage.Data.Images;

namespace Triage.Inference.Tests.Classification;

/// <summary>Images held in memory; counts lookups and can fail the first ones, as a store under strain would.</summary>
internal sealed class InMemoryImageStore : IImageStore
{
    private readonly ConcurrentDictionary<Guid, StoredImage> _images = new();
    private int _failuresLeft;
    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    public StoredImage Add(byte[] content)
    {
        var image = new StoredImage
        {
            Id = Guid.NewGuid(),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            ContentType = "image/png",
            Content = content,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        _images[image.Id] = image;
        return image;
    }

    public void FailNext(int lookups) => Volatile.Write(ref _failuresLeft, lookups);

    public Task<StoredImage?> FindAsync(Guid imageId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("The image store is unavailable.");
        }

        return Task.FromResult(_images.GetValueOrDefault(imageId));
    }
}
