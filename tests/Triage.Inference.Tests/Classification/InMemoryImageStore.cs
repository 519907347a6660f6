using System.Collections.Concurrent;
using System.Security.Cryptography;
using Triage.Data.Images;

namespace Triage.Inference.Tests.Classification;

/// <summary>Images held in memory; counts lookups and can fail the first ones, as a store under strain would,
/// or hold them until let go, as a slow one would.</summary>
internal sealed class InMemoryImageStore : IImageStore
{
    private readonly ConcurrentDictionary<Guid, StoredImage> _images = new();
    private int _failuresLeft;
    private int _lookups;
    private int _held;
    private TaskCompletionSource _gate = CompletedGate();

    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Lookups waiting for <see cref="Release"/>.</summary>
    public int Held => Volatile.Read(ref _held);

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

    public void Hold() => Volatile.Write(ref _gate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Release() => Volatile.Read(ref _gate).TrySetResult();

    public async Task<StoredImage?> FindAsync(Guid imageId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("The image store is unavailable.");
        }

        var gate = Volatile.Read(ref _gate).Task;
        if (!gate.IsCompleted)
        {
            Interlocked.Increment(ref _held);
            await gate.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _held);
        }

        return _images.GetValueOrDefault(imageId);
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
