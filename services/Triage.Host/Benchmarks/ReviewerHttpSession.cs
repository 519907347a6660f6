using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Triage.Host.Benchmarks;

/// <summary>
/// A reviewer's browser session with the review UI over plain HTTP, as <c>tests/Triage.Testing/ReviewerClient</c> drives it:
/// signed in through the sign-in form (cookie and antiforgery token), no redirects followed, one request at a time.
/// </summary>
public sealed partial class ReviewerHttpSession : IDisposable
{
    private readonly HttpClient _http;

    private ReviewerHttpSession(Uri address)
    {
        _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <exception cref="HttpRequestException">The sign-in was not accepted.</exception>
    public static async Task<ReviewerHttpSession> SignInAsync(Uri address, string userName, string password, CancellationToken cancellationToken)
    {
        var session = new ReviewerHttpSession(address);
        try
        {
            var form = await session.GetPageAsync("/review/sign-in", cancellationToken);
            var fields = new Dictionary<string, string>
            {
                ["userName"] = userName,
                ["password"] = password,
                ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            };
            using var response = await session._http.PostAsync("/review/sign-in", new FormUrlEncodedContent(fields), cancellationToken);
            return response.StatusCode == HttpStatusCode.Redirect
                ? session
                : throw new HttpRequestException($"Sign-in as {userName} answered {(int)response.StatusCode} {response.StatusCode}.");
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <exception cref="HttpRequestException">The page was not answered 200.</exception>
    public async Task<string> GetPageAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(path, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? html : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.");
    }

    /// <summary>One GET, timed from sending the request to the last byte of the answer.</summary>
    public async Task<TimedResponse> TimeAsync(string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new TimedResponse((int)response.StatusCode, body.Length, clock.Elapsed.TotalMilliseconds);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

/// <param name="Bytes">The body as sent (no compression is asked for).</param>
public sealed record TimedResponse(int Status, long Bytes, double Milliseconds);
