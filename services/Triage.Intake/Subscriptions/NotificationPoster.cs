using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Subscriptions;

/// <summary>POSTs one notification Bundle to a rest-hook endpoint, within <see cref="SubscriptionOptions.RequestTimeout"/>.</summary>
public sealed class NotificationPoster(IHttpClientFactory http, IOptions<SubscriptionOptions> options)
{
    public const string HttpClientName = "subscriptions";

    /// <returns>Null when the subscriber accepted it (2xx), else why not.</returns>
    public async Task<string?> PostAsync(string endpoint, Bundle notification, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var content = new StringContent(FhirJson.Serialize(notification), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(SubscriptionTopics.FhirJson) { CharSet = "utf-8" };
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(endpoint, content, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "timed out";
        }
        catch (HttpRequestException ex)
        {
            return ex.HttpRequestError.ToString();
        }
    }
}
