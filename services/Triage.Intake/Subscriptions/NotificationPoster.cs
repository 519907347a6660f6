using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Triage.Data.Subscriptions;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// POSTs one notification Bundle to a subscription's rest-hook endpoint with its <c>channel.header</c>s, within
/// <see cref="SubscriptionOptions.RequestTimeout"/>. Header values are never logged: they often carry credentials.
/// </summary>
public sealed class NotificationPoster(IHttpClientFactory http, IOptions<SubscriptionOptions> options)
{
    public const string HttpClientName = "subscriptions";

    /// <returns>Null when the subscriber accepted it (2xx), else why not.</returns>
    public async Task<string?> PostAsync(SubscriptionRoute subscription, Bundle notification, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
        {
            Content = new StringContent(FhirJson.Serialize(notification), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(SubscriptionTopics.FhirJson) { CharSet = "utf-8" };
        foreach (var (name, value) in ChannelHeaders.Split(subscription.Headers))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
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
