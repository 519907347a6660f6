using System.Globalization;
using System.Text.RegularExpressions;

namespace Triage.Host.Benchmarks;

/// <summary>
/// What a browser would follow from the review pages: the worklist rows' case links and thumbnails, how many cases the
/// worklist matches, and the photo a case page shows. Read from the HTML so that the timing requests what the pages ask for.
/// </summary>
public static partial class ReviewPageLinks
{
    public static IReadOnlyList<WorklistRow> Rows(string worklistPage) =>
        [.. WorklistRowPattern().Matches(worklistPage).Select(m => new WorklistRow(m.Groups["case"].Value, m.Groups["thumbnail"].Value))];

    /// <summary>The "Page 1 of 2 · 24 cases" of the pager.</summary>
    public static int MatchingCases(string worklistPage) =>
        PagerPattern().Match(worklistPage) is { Success: true } pager ? int.Parse(pager.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    /// <exception cref="InvalidDataException">The page shows no photo.</exception>
    public static string Photo(string casePage) =>
        PhotoPattern().Match(casePage) is { Success: true } photo ? photo.Groups[1].Value : throw new InvalidDataException("The case page shows no photo.");

    [GeneratedRegex("<tr data-case=\"[^\"]+\">.*?<img src=\"(?<thumbnail>[^\"]+)\".*?<a href=\"(?<case>/review/cases/[^\"]+)\"", RegexOptions.Singleline)]
    private static partial Regex WorklistRowPattern();

    [GeneratedRegex(@"Page \d+ of \d+ · (\d+) cases")]
    private static partial Regex PagerPattern();

    [GeneratedRegex("<img id=\"photo\" src=\"([^\"]+)\"")]
    private static partial Regex PhotoPattern();
}

/// <param name="CasePage">The case page the row links to.</param>
/// <param name="Thumbnail">The thumbnail the row shows.</param>
public sealed record WorklistRow(string CasePage, string Thumbnail);
