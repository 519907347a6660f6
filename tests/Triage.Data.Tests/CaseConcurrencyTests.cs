using Microsoft.EntityFrameworkCore;
using Triage.Data.Cases;
using Triage.Data.Images;
using Triage.Domain.Cases;

namespace Triage.Data.Tests;

public sealed class CaseConcurrencyTests : IAsyncLifetime
{
    private readonly SqliteDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    private async Task<Guid> AddQueuedCaseAsync()
    {
        await using var db = _database.NewContext();
        var image = new StoredImage { Id = Guid.NewGuid(), Sha256 = new string('0', 64), ContentType = "image/png", Content = [1, 2, 3] };
        var @case = new TriageCase { Id = Guid.NewGuid(), PatientId = "p1", MediaId = Guid.NewGuid().ToString(), ImageId = image.Id };
        @case.MoveTo(CaseStatus.Queued, DateTimeOffset.UtcNow);
        db.AddRange(image, @case);
        await db.SaveChangesAsync();
        return @case.Id;
    }

    [Fact]
    public async Task Two_writers_moving_the_same_case_cannot_both_win()
    {
        var id = await AddQueuedCaseAsync();
        await using var first = _database.NewContext();
        await using var second = _database.NewContext();
        var seenByFirst = await first.Cases.SingleAsync(c => c.Id == id);
        var seenBySecond = await second.Cases.SingleAsync(c => c.Id == id);

        seenByFirst.MoveTo(CaseStatus.Classified, DateTimeOffset.UtcNow);
        await first.SaveChangesAsync();
        seenBySecond.MoveTo(CaseStatus.Failed, DateTimeOffset.UtcNow);
        var save = () => second.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var check = _database.NewContext();
        (await check.Cases.SingleAsync(c => c.Id == id)).Status.Should().Be(CaseStatus.Classified);
    }

    [Fact]
    public async Task A_media_opens_at_most_one_case()
    {
        await using var db = _database.NewContext();
        var image = new StoredImage { Id = Guid.NewGuid(), Sha256 = new string('0', 64), ContentType = "image/png", Content = [1] };
        db.AddRange(
            image,
            new TriageCase { Id = Guid.NewGuid(), PatientId = "p", MediaId = "m", ImageId = image.Id },
            new TriageCase { Id = Guid.NewGuid(), PatientId = "p", MediaId = "m", ImageId = image.Id });

        var save = () => db.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateException>();
    }

    [Fact]
    public async Task Times_round_trip_in_utc_and_sort_correctly()
    {
        var id = await AddQueuedCaseAsync();
        var at = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(2));
        await using (var db = _database.NewContext())
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == id);
            @case.ReceivedAt = at;
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.Cases.Where(c => c.ReceivedAt >= at.AddMinutes(-1)).SingleAsync();
        stored.ReceivedAt.Should().Be(at);
        stored.ReceivedAt.Offset.Should().Be(TimeSpan.Zero);
    }
}
