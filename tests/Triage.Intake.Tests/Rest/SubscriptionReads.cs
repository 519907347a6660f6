using Hl7.Fhir.Model;

namespace Triage.Intake.Tests.Rest;

/// <summary>Reading a Subscription over HTTP while the dispatcher moves it on.</summary>
internal static class SubscriptionReads
{
    /// <summary>Reads the Subscription until it has <paramref name="status"/> (or 15 seconds pass) and returns it as last read.</summary>
    public static async Task<Subscription> WaitForStatusAsync(IntakeServer server, string id, Subscription.SubscriptionStatus status)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        Subscription current;
        do
        {
            current = await (await server.Client.GetAsync($"/fhir/Subscription/{id}")).ReadResourceAsync<Subscription>();
            if (current.Status == status)
            {
                break;
            }

            await Task.Delay(25);
        }
        while (DateTime.UtcNow < until);

        return current;
    }
}
