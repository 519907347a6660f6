using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Data;
using Triage.Fhir.Review;

namespace Triage.Review.Decisions;

/// <summary>Opening a case claims it for the reviewer for <see cref="ReviewUiOptions.ClaimDuration"/>, so that others see it is in review.</summary>
public sealed class ReviewClaims(TriageDbContext db, IOptions<ReviewUiOptions> options, TimeProvider clock, ILogger<ReviewClaims> logger)
{
    /// <summary>Claims the case unless another reviewer holds it or it is not waiting; losing a simultaneous claim is not an error.</summary>
    public async Task TryClaimAsync(Guid caseId, Reviewer reviewer, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var now = clock.GetUtcNow();
        var until = now + options.Value.ClaimDuration;
        if (@case is null || !@case.TryClaim(reviewer.UserName, now, until))
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.CaseClaimed(caseId, reviewer.UserName, until);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another reviewer claimed it in the same moment; the case view shows theirs.
            db.ChangeTracker.Clear();
        }
    }
}
