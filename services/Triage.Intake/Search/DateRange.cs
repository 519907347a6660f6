using System.Globalization;
using Hl7.Fhir.Model;

namespace Triage.Intake.Search;

/// <summary>
/// One date criterion: a comparison (<c>eq</c> by default, <c>ne gt lt ge le sa eb</c>) with a date of year, month, day
/// or instant precision, which stands for the whole span it names (FHIR R4 3.1.1.4.2). A date without a time zone is UTC.
/// </summary>
public sealed record DateRange(string Comparator, DateTimeOffset Start, DateTimeOffset End)
{
    public const string LastUpdated = "_lastUpdated";

    private static readonly string[] Comparators = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb"];

    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm K", "yyyy-MM-dd'T'HH:mmK"];

    /// <param name="name">The search parameter, for the refusal.</param>
    /// <exception cref="FhirRequestException">400 when the value is no comparator and date.</exception>
    public static DateRange Parse(string name, string value)
    {
        var comparator = value.Length > 2 && Comparators.Contains(value[..2]) ? value[..2] : "eq";
        var date = comparator == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        var (start, end) = Span(date) ?? throw FhirErrors.BadRequest(
            $"{name} '{value}' is not a date (YYYY, YYYY-MM, YYYY-MM-DD or an instant), optionally after eq, ne, gt, lt, ge, le, sa or eb.",
            name,
            OperationOutcome.IssueType.Invalid);
        return new DateRange(comparator, start, end);
    }

    /// <summary>The span a FHIR date or dateTime stands for: [start, end). Null when it is not one.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Span(string date)
    {
        var invariant = CultureInfo.InvariantCulture;
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        return date.Length switch
        {
            4 when DateTimeOffset.TryParseExact(date, "yyyy", invariant, utc, out var year) => (year, year.AddYears(1)),
            7 when DateTimeOffset.TryParseExact(date, "yyyy-MM", invariant, utc, out var month) => (month, month.AddMonths(1)),
            10 when DateTimeOffset.TryParseExact(date, "yyyy-MM-dd", invariant, utc, out var day) => (day, day.AddDays(1)),
            > 10 when DateTimeOffset.TryParseExact(date, InstantFormats, invariant, utc, out var instant) => (instant, instant.AddSeconds(1)),
            _ => null,
        };
    }
}
