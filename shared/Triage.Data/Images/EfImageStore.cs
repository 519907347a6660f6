using Microsoft.EntityFrameworkCore;

namespace Triage.Data.Images;

public sealed class EfImageStore(TriageDbContext db) : IImageStore
{
    public Task<StoredImage?> FindAsync(Guid imageId, CancellationToken cancellationToken) =>
        db.Images.AsNoTracking().SingleOrDefaultAsync(i => i.Id == imageId, cancellationToken);
}
