using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Intake.Subscriptions;

/// <summary>
/// <c>Subscription.channel.header</c>: HTTP headers (<c>Name: value</c>) sent with every POST to the endpoint, typically
/// the <c>Authorization</c> the EHR's endpoint asks for. The headers that frame the request itself are the server's.
/// </summary>
public static class ChannelHeaders
{
    public const int MaxCount = 10;
    public const int MaxLength = 4096;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "Host", "Transfer-Encoding", "Connection", "Keep-Alive",
        "Upgrade", "TE", "Trailer", "Expect", "Proxy-Connection",
    };

    /// <summary>The headers as (name, value), each checked; a problem becomes an issue and the header is left out.</summary>
    public static IReadOnlyList<(string Name, string Value)> Check(IReadOnlyList<string> headers, List<Hl7.Fhir.Model.OperationOutcome.IssueComponent> issues)
    {
        if (headers.Count > MaxCount)
        {
            issues.Add(FhirErrors.Issue(IssueType.TooLong, $"At most {MaxCount} channel.header values are taken.", "Subscription.channel.header"));
            return [];
        }

        List<(string, string)> valid = [];
        for (var i = 0; i < headers.Count; i++)
        {
            var expression = $"Subscription.channel.header[{i}]";
            var parts = headers[i].Split(':', 2);
            var name = parts[0].Trim();
            var value = parts.Length == 2 ? parts[1].Trim() : "";
            if (parts.Length != 2 || name.Length == 0 || !name.All(IsTokenCharacter) || value.Any(char.IsControl) || headers[i].Length > MaxLength)
            {
                issues.Add(FhirErrors.Issue(IssueType.Value,
                    $"channel.header must be 'Name: value' with a valid header name, no line breaks and at most {MaxLength} characters.", expression));
            }
            else if (Reserved.Contains(name))
            {
                issues.Add(FhirErrors.Issue(IssueType.NotSupported, $"The {name} header of a notification is the server's to set.", expression));
            }
            else
            {
                valid.Add((name, value));
            }
        }

        return valid;
    }

    /// <summary>One line per header, as stored with the subscription's route.</summary>
    public static string? Join(IReadOnlyList<(string Name, string Value)> headers) =>
        headers.Count == 0 ? null : string.Join('\n', headers.Select(h => $"{h.Name}: {h.Value}"));

    public static IEnumerable<(string Name, string Value)> Split(string? stored) =>
        (stored ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':', 2)).Select(p => (p[0], p[1].Trim()));

    /// <summary>RFC 9110 token characters.</summary>
    private static bool IsTokenCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
