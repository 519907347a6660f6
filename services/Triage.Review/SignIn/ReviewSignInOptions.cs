namespace Triage.Review.SignIn;

/// <summary>How reviewers sign in (section <c>Review:SignIn</c>); docs/review.md has examples.</summary>
public sealed class ReviewSignInOptions
{
    public const string Section = "Review:SignIn";

    /// <summary><see cref="SignInMode.Development"/> (accounts from configuration) or <see cref="SignInMode.OpenIdConnect"/>.</summary>
    public SignInMode Mode { get; set; } = SignInMode.Development;

    /// <summary>The role a user needs to see the review pages.</summary>
    public string ReviewerRole { get; set; } = "reviewer";

    /// <summary>Accounts for development and the embedded host; ignored in OpenID Connect mode.</summary>
    public List<DevelopmentAccount> DevelopmentAccounts { get; set; } = [];

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

public enum SignInMode
{
    Development,
    OpenIdConnect,
}

/// <param name="Roles">Roles the account has; a reviewer needs <see cref="ReviewSignInOptions.ReviewerRole"/>.</param>
public sealed class DevelopmentAccount
{
    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];
}

public sealed class OpenIdConnectSettings
{
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The claim that carries roles in the identity provider's tokens.</summary>
    public string RoleClaimType { get; set; } = "roles";

    /// <summary>The claim that names the user (recorded with every decision).</summary>
    public string NameClaimType { get; set; } = "preferred_username";

    public bool RequireHttpsMetadata { get; set; } = true;
}
