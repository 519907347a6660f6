using System.Net;
using System.Text.RegularExpressions;
using Triage.Testing;

namespace Triage.Review.Tests.OpenIdConnect;

/// <summary>
/// Reviewers signing in through a real OpenID Connect provider, configured by settings alone: the code flow with PKCE
/// over real HTTP, the role taken from the provider's token, and the provider's user name recorded with the decision.
/// </summary>
public sealed partial class OpenIdConnectSignInTests : IAsyncLifetime
{
    private const string ClientId = "triage-review";
    private const string ClientSecret = "review-client-secret";

    private IdentityProvider _provider = null!;
    private ReviewHost _review = null!;

    public async Task InitializeAsync()
    {
        _provider = await IdentityProvider.StartAsync();
        _review = await ReviewHost.StartAsync(
            "--Review:SignIn:Mode", "OpenIdConnect",
            "--Review:SignIn:OpenIdConnect:Authority", _provider.Address.ToString(),
            "--Review:SignIn:OpenIdConnect:ClientId", ClientId,
            "--Review:SignIn:OpenIdConnect:ClientSecret", ClientSecret,
            "--Review:SignIn:OpenIdConnect:RequireHttpsMetadata", "false");
        await _provider.RegisterClientAsync(ClientId, ClientSecret, new Uri(_review.Address, "/review/signin-oidc"));
    }

    [Fact]
    public async Task A_reviewer_signed_in_by_the_identity_provider_decides_a_case_recorded_under_the_provider_user_name()
    {
        var caseId = (await _review.PostFlaggedCasesAsync(1)).Single();
        _provider.SignedInUser = ("d.moreira", "Dr Daniela Moreira", ["reviewer"]);
        using var browser = NewBrowser();

        var worklist = await SignInThroughProviderAsync(browser);

        worklist.Should().Contain("Signed in as <strong>d.moreira</strong>", "the user name comes from the provider's token")
            .And.Contain(caseId.ToString(), "the reviewer role comes from the provider's token too");
        var page = await browser.GetStringAsync($"/review/cases/{caseId}");
        var decision = await browser.PostAsync($"/review/cases/{caseId}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["diagnosis"] = "SCC",
            ["biopsy"] = "",
            ["note"] = "",
            ["revision"] = ReviewerClient.RevisionIn(page).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value,
        }));
        decision.EnsureSuccessStatusCode();
        var reviewedBy = await _review.QuerySingleAsync(
            $"SELECT ReviewedBy FROM Cases WHERE Id = '{caseId.ToString().ToUpperInvariant()}'", r => r.GetString(0));
        reviewedBy.Should().Be("d.moreira");
    }

    [Fact]
    public async Task A_user_the_provider_gives_no_reviewer_role_is_signed_in_but_denied_the_worklist()
    {
        _provider.SignedInUser = ("front.desk", "Front Desk", ["scheduler"]);
        using var browser = NewBrowser();

        var landing = await SignInThroughProviderAsync(browser);

        landing.Should().Contain("Not a reviewer").And.Contain("Signed in as <strong>front.desk</strong>");
        var response = await browser.GetAsync("/review");
        response.RequestMessage!.RequestUri!.AbsolutePath.Should().Be("/review/denied");
    }

    public async Task DisposeAsync()
    {
        await _review.DisposeAsync();
        await _provider.DisposeAsync();
    }

    /// <summary>A browser's part: follow redirects between the review UI and the provider, keep each site's cookies, and
    /// submit the provider's auto-posting response form (the OpenID Connect form_post response mode).</summary>
    private async Task<string> SignInThroughProviderAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/review");
        var html = await response.Content.ReadAsStringAsync();
        response.RequestMessage!.RequestUri!.Authority.Should().Be(_provider.Address.Authority, "the review UI sends the browser to the provider");

        var action = FormActionPattern().Match(html).Groups[1].Value;
        var fields = HiddenInputPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields.Should().ContainKeys("code", "state");
        var callback = await browser.PostAsync(WebUtility.HtmlDecode(action), new FormUrlEncodedContent(fields));
        var landing = await callback.Content.ReadAsStringAsync();
        callback.StatusCode.Should().Be(HttpStatusCode.OK, landing);
        return landing;
    }

    private HttpClient NewBrowser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = _review.Address };

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInputPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
