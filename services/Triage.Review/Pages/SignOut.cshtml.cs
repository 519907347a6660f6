using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Triage.Review.SignIn;

namespace Triage.Review.Pages;

public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/review");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ReviewerSignIn.CookieScheme);
        return Redirect(ReviewerSignIn.SignInPath);
    }
}
