namespace Triage.Ml.Evaluation.Figures;

/// <summary>
/// The typeface every figure uses. SkiaSharp 4's Linux build without dependencies has no font
/// manager, so without a font file loaded explicitly ScottPlot draws every label as nothing.
/// </summary>
public static class FigureFont
{
    public const string Family = "Triage Figures";

    /// <summary>Overrides the search below with one TrueType file.</summary>
    public const string EnvironmentVariable = "TRIAGE_FIGURE_FONT";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private static readonly Lazy<string?> Registered = new(Register);

    /// <summary>The font file in use, or null when none was found (figures then have no text).</summary>
    public static string? Path => Registered.Value;

    public static void Apply(ScottPlot.Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        if (Path is not null)
        {
            plot.Font.Set(Family);
        }
    }

    private static string? Register()
    {
        var path = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } chosen && File.Exists(chosen)
            ? chosen
            : Candidates.FirstOrDefault(File.Exists) ?? AnyTrueTypeFont();
        if (path is null)
        {
            return null;
        }

        ScottPlot.Fonts.AddFontFile(Family, path, bold: false, italic: false);
        var bold = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-Bold.ttf");
        ScottPlot.Fonts.AddFontFile(Family, File.Exists(bold) ? bold : path, bold: true, italic: false);
        return path;
    }

    private static string? AnyTrueTypeFont() =>
        Directory.Exists("/usr/share/fonts")
            ? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
}
