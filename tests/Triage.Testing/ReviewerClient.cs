using System.Net;
using System.Text.RegularExpressions;

namespace Triage.Testing;

/// <summary>
/// A reviewer's browser session with the review UI over plain HTTP: cookies, antiforgery tokens and forms, no redirects
/// followed. The development reviewer account is <see cref="DevelopmentUserName"/> / <see cref="DevelopmentPassword"/>.
/// </summary>
public sealed partial class ReviewerClient : IDisposable
{
    /// <summary>The account the embedded host ships in <c>review.defaults.json</c>.</summary>
    public const string DevelopmentUserName = "dev.reviewer";

    public const string DevelopmentPassword = "review-locally";

    private readonly HttpClient _http;

    private ReviewerClient(Uri address)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
    }

    /// <summary>Signs in on the review UI at <paramref name="address"/> (a development account).</summary>
    /// <exception cref="HttpRequestException">The sign-in was not accepted.</exception>
    public static async Task<ReviewerClient> SignInAsync(Uri address, string userName, string password)
    {
        var client = new ReviewerClient(address);
        var form = await client.GetPageAsync("/review/sign-in");
        var response = await client.PostFormAsync("/review/sign-in", form, new() { ["userName"] = userName, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new HttpRequestException($"Sign-in as {userName} answered {(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    public async Task<string> GetPageAsync(string path)
    {
        var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? html : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {html}");
    }

    /// <summary>Posts the decision form of a case page as it was rendered (its revision and token) with the given answers.</summary>
    public Task<HttpResponseMessage> DecideAsync(Guid caseId, string casePage, string diagnosis, string? biopsy = null, string? note = null, int? revision = null) =>
        PostFormAsync($"/review/cases/{caseId}?handler=Decide", casePage, new()
        {
            ["diagnosis"] = diagnosis,
            ["biopsy"] = biopsy ?? "",
            ["note"] = note ?? "",
            ["revision"] = (revision ?? RevisionIn(casePage)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public Task<HttpResponseMessage> RecordBiopsyAsync(Guid caseId, string casePage, string biopsy) =>
        PostFormAsync($"/review/cases/{caseId}?handler=Biopsy", casePage, new() { ["biopsy"] = biopsy, ["note"] = "" });

    public async Task<HttpResponseMessage> PostFormAsync(string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await _http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    public static int RevisionIn(string casePage) => int.Parse(RevisionPattern().Match(casePage).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionPattern();
}
