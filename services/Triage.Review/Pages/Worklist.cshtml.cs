using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Triage.Domain.Diagnoses;
using Triage.Review.Worklist;

namespace Triage.Review.Pages;

public sealed class WorklistModel(WorklistQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WorklistStatus Status { get; set; } = WorklistStatus.Waiting;

    [BindProperty(SupportsGet = true)]
    public string? Suggested { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseAge Age { get; set; } = CaseAge.Any;

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public WorklistPage? Result { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Diagnosis? suggested = Diagnoses.TryParse(Suggested, out var d) ? d : null;
        Result = await query.RunAsync(new WorklistFilter(Status, suggested, Age, PageNumber), cancellationToken);
    }

    public string PageLink(int page) =>
        $"/review?status={Status}&suggested={Uri.EscapeDataString(Suggested ?? "")}&age={Age}&pageNumber={page}";

    public static string Waited(WorklistEntry entry, DateTimeOffset now)
    {
        var waited = (entry.ReviewedAt ?? now) - entry.FlaggedAt;
        return waited.TotalDays >= 1 ? $"{(int)waited.TotalDays} d {waited.Hours} h"
            : waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h {waited.Minutes} min"
            : $"{Math.Max(0, (int)waited.TotalMinutes)} min";
    }
}
