using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Triage.Domain.Diagnoses;
using Triage.Domain.Review;
using Triage.Fhir.Results;
using Triage.Review.Cases;
using Triage.Review.Decisions;
using Triage.Review.SignIn;

namespace Triage.Review.Pages;

public sealed class CaseModel(CaseViewQuery query, ReviewClaims claims, RecordReviewDecision decisions, RecordBiopsyResult biopsies, TimeProvider clock) : PageModel
{
    public CaseView? View { get; private set; }

    public List<string> Problems { get; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    /// <summary>Another reviewer's active claim, when there is one.</summary>
    public ReviewClaim? HeldByOther { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await claims.TryClaimAsync(id, ReviewerSignIn.ReviewerOf(User), cancellationToken);
        return await ShowAsync(id, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? diagnosis, string? biopsy, string? note, int? revision, CancellationToken cancellationToken)
    {
        var (decision, problems) = ReviewDecision.Parse(diagnosis, biopsy, note, revision);
        if (decision is null)
        {
            Problems.AddRange(problems);
            return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        try
        {
            await decisions.RecordAsync(id, decision, ReviewerSignIn.ReviewerOf(User), cancellationToken);
        }
        catch (ReviewDecisionRefusedException refused)
        {
            Problems.Add(refused.Message);
            return await ShowAsync(id, StatusOf(refused.Kind), cancellationToken);
        }

        return RedirectToPage(new { id, recorded = true });
    }

    public async Task<IActionResult> OnPostBiopsyAsync(Guid id, string? biopsy, string? note, CancellationToken cancellationToken)
    {
        if (!Diagnoses.TryParse(biopsy, out var histology))
        {
            Problems.Add("A biopsy result must be one of the six diagnoses.");
            return await ShowAsync(id, StatusCodes.Status400BadRequest, cancellationToken);
        }

        try
        {
            await biopsies.RecordAsync(id, histology, note, ReviewerSignIn.ReviewerOf(User), cancellationToken);
        }
        catch (ReviewDecisionRefusedException refused)
        {
            Problems.Add(refused.Message);
            return await ShowAsync(id, StatusOf(refused.Kind), cancellationToken);
        }

        return RedirectToPage(new { id, recorded = true });
    }

    public static string EscalationReason(string reason)
    {
        try
        {
            return ModelCascadeCoding.Reason(reason).Display ?? reason;
        }
        catch (ArgumentException)
        {
            return reason;
        }
    }

    private async Task<IActionResult> ShowAsync(Guid id, int status, CancellationToken cancellationToken)
    {
        View = await query.FindAsync(id, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        var me = ReviewerSignIn.ReviewerOf(User).UserName;
        HeldByOther = View.Case.Claim is { } claim && claim.IsActiveAt(clock.GetUtcNow()) && claim.Reviewer != me ? claim : null;
        Response.StatusCode = status;
        return Page();
    }

    private static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
