using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Triage.Fhir.Review;

namespace Triage.Review.SignIn;

/// <summary>Cookie sign-in for reviewers, by a development account or by OpenID Connect, and the reviewer policy.</summary>
public static class ReviewerSignIn
{
    public const string CookieScheme = "ReviewCookie";
    public const string OpenIdScheme = "ReviewOidc";
    public const string ReviewerPolicy = "Reviewer";
    public const string SignInPath = "/review/sign-in";

    public static void AddReviewerSignIn(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ReviewSignInOptions.Section).Get<ReviewSignInOptions>() ?? new ReviewSignInOptions();
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieScheme;
            options.DefaultChallengeScheme = settings.Mode == SignInMode.OpenIdConnect ? OpenIdScheme : CookieScheme;
        });
        authentication.AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "triage-review";
            cookie.Cookie.Path = "/review";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
            cookie.LoginPath = SignInPath;
            cookie.AccessDeniedPath = "/review/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        if (settings.Mode == SignInMode.OpenIdConnect)
        {
            var oidc = settings.OpenIdConnect;
            authentication.AddOpenIdConnect(OpenIdScheme, options =>
            {
                options.SignInScheme = CookieScheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.CallbackPath = "/review/signin-oidc";
                options.SignedOutCallbackPath = "/review/signout-callback-oidc";
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.Scope.Add("profile");
                if (!oidc.RequireHttpsMetadata)
                {
                    // An identity provider on plain HTTP (development): the sign-in's own cookies cannot be HTTPS-only either.
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }

                options.TokenValidationParameters.NameClaimType = oidc.NameClaimType;
                options.TokenValidationParameters.RoleClaimType = oidc.RoleClaimType;
            });
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(ReviewerPolicy, policy => policy
            .AddAuthenticationSchemes(CookieScheme)
            .RequireAuthenticatedUser()
            .RequireRole(settings.ReviewerRole));
    }

    /// <summary>The principal a development account signs in as: its name, display name and roles.</summary>
    public static ClaimsPrincipal PrincipalOf(DevelopmentAccount account)
    {
        var identity = new ClaimsIdentity(CookieScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, account.UserName));
        identity.AddClaim(new Claim("display_name", string.IsNullOrWhiteSpace(account.DisplayName) ? account.UserName : account.DisplayName));
        foreach (var role in account.Roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }

    /// <summary>The signed-in reviewer, recorded with each decision.</summary>
    /// <exception cref="InvalidOperationException">No user name (the reviewer policy admits no such user).</exception>
    public static Reviewer ReviewerOf(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidOperationException("The signed-in user has no name.");
        }

        var display = user.FindFirst("display_name")?.Value ?? user.FindFirst("name")?.Value ?? name;
        return new Reviewer(name, display);
    }

    public static Task SignInAsync(Microsoft.AspNetCore.Http.HttpContext context, DevelopmentAccount account) =>
        context.SignInAsync(CookieScheme, PrincipalOf(account));
}
