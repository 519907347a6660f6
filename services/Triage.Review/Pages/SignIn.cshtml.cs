using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Review.SignIn;

namespace Triage.Review.Pages;

/// <summary>Signs in with a configured development account, or hands over to the OpenID Connect provider.</summary>
public sealed class SignInModel(IOptions<ReviewSignInOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public IActionResult OnGet() =>
        options.Value.Mode == SignInMode.OpenIdConnect
            ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl() }, ReviewerSignIn.OpenIdScheme)
            : Page();

    public async Task<IActionResult> OnPostAsync(string? userName, string? password)
    {
        if (options.Value.Mode != SignInMode.Development)
        {
            return NotFound();
        }

        var account = options.Value.DevelopmentAccounts.FirstOrDefault(a => a.UserName == userName);
        if (account is null || password is null || !SamePassword(account.Password, password))
        {
            logger.SignInFailed();
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        await ReviewerSignIn.SignInAsync(HttpContext, account);
        logger.ReviewerSignedIn(account.UserName, "development account");
        return LocalRedirect(SafeReturnUrl());
    }

    private string SafeReturnUrl() => ReturnUrl is { } url && Url.IsLocalUrl(url) ? url : "/review";

    private static bool SamePassword(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
