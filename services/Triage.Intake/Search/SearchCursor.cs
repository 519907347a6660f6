using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace Triage.Intake.Search;

/// <summary>
/// Where the next page starts: after the last resource of the page before, in the order of <paramref name="Sort"/> (its
/// <c>_sort</c> value), given by that resource's sort key and id. Resources stored since then that sort before it never
/// shift a later page.
/// </summary>
public sealed record SearchCursor(string Sort, DateTimeOffset Key, string ResourceId)
{
    public const string Parameter = "_cursor";

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{Sort}|{Key.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{ResourceId}"));

    /// <exception cref="FhirRequestException">400 when the value is not a cursor this server wrote.</exception>
    public static SearchCursor Decode(string value)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value)).Split('|', 3);
            if (parts.Length == 3 && parts[0].Length is > 0 and <= 64
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && parts[2].Length is > 0 and <= 64)
            {
                return new SearchCursor(parts[0], new DateTimeOffset(ticks, TimeSpan.Zero), parts[2]);
            }
        }
        catch (FormatException)
        {
        }

        throw Refused($"{Parameter} is not a position this server gave in a next link; search again from the start.");
    }

    /// <exception cref="FhirRequestException">400 when the cursor was given for another order than <paramref name="sort"/>.</exception>
    public void EnsureFor(SearchSort sort)
    {
        if (Sort != sort.Value)
        {
            throw Refused($"{Parameter} continues a search sorted by {Sort}, not by {sort.Value}; search again from the start.");
        }
    }

    private static FhirRequestException Refused(string message) =>
        FhirErrors.BadRequest(message, Parameter, OperationOutcome.IssueType.Invalid);
}
