using System.Diagnostics;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Triage.Review;

/// <summary>
/// What a reviewer sees instead of an unexpected error (the exception handler has logged it): no internals, a
/// reference to find it in the logs. Written directly rather than as a Razor page, because a page would need the
/// request routed again inside the exception handler, which a path-scoped branch of the pipeline cannot do.
/// </summary>
internal static class ReviewErrorPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        var reference = HtmlEncoder.Default.Encode(Activity.Current?.Id ?? context.TraceIdentifier);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>Something went wrong · Skin triage review</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem;">
            <h1>Something went wrong</h1>
            <p role="alert">The page could not be shown, and this request recorded nothing. Try again, or go back to the
            <a href="/review">worklist</a>. If it happens again, give this reference to the administrator:</p>
            <p><code id="trace-id">{reference}</code></p>
            </body>
            </html>
            """);
    }
}
