using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.WebUtilities;

namespace Triage.Intake.Search;

/// <summary>
/// Where the next page starts in the search order (newest <c>lastUpdated</c> first, then id): after the last resource of
/// the page before. Resources stored since then sort before it, so they never shift a later page.
/// </summary>
public sealed record SearchCursor(DateTimeOffset LastUpdated, string ResourceId)
{
    public const string Parameter = "_cursor";

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{LastUpdated.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{ResourceId}"));

    /// <exception cref="FhirRequestException">400 when the value is not a cursor this server wrote.</exception>
    public static SearchCursor Decode(string value)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(value)).Split('|', 2);
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks && parts[1].Length is > 0 and <= 64)
            {
                return new SearchCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
            }
        }
        catch (FormatException)
        {
        }

        throw FhirErrors.BadRequest($"{Parameter} is not a position this server gave in a next link; search again from the start.",
            Parameter, OperationOutcome.IssueType.Invalid);
    }
}
