using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Triage.Data;

namespace Triage.Intake.Storage;

/// <summary>
/// Two requests creating the same Patient or Media at once: the second commit breaks the identifier's
/// unique key. The request is then run once more from its original text, and now its condition
/// (If-None-Exist) finds what the first one created.
/// </summary>
public sealed class IdentifierRace(TriageDbContext db)
{
    public async Task<T> RunAsync<T>(Func<Task<T>> request)
    {
        try
        {
            return await request();
        }
        catch (DbUpdateException failure) when (IsUniqueViolation(failure))
        {
            db.ChangeTracker.Clear();
        }

        try
        {
            return await request();
        }
        catch (DbUpdateException failure) when (IsUniqueViolation(failure))
        {
            throw FhirErrors.Conflict("A Patient or Media with the same identifier already exists; post it with If-None-Exist to reuse it.");
        }
    }

    private static bool IsUniqueViolation(DbUpdateException failure) =>
        failure.InnerException is SqliteException { SqliteErrorCode: 19 };
}
