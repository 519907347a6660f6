namespace Triage.Data.Images;

/// <summary>Reads stored lesion photos by id.</summary>
public interface IImageStore
{
    Task<StoredImage?> FindAsync(Guid imageId, CancellationToken cancellationToken);
}
