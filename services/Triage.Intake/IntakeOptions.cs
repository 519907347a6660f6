namespace Triage.Intake;

/// <summary>Settings of the FHIR intake (configuration section <c>Intake</c>).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Largest request body accepted, in bytes (20 MB by default).</summary>
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Observations of the same patient stored at most this long before a photo are used for its case.
    /// </summary>
    public TimeSpan FeatureWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a photo whose clinical features are incomplete waits for Observations posted after it before it is
    /// classified; zero (the default) classifies at once. Observations arriving later are stored and classify nothing again.
    /// </summary>
    public TimeSpan FeatureWaitAfterPhoto { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many resources that <c>_revinclude</c> adds to one page of a search (a patient with a long
    /// history would otherwise come whole); the page says so when some were left out.</summary>
    public int MaxRevIncludes { get; set; } = 1000;
}
