namespace Triage.Intake.MediaIntake;

/// <summary>
/// Configuration section <c>Intake:PhotoSources</c>: where a Media's <c>content.url</c> may point outside this
/// server. The intake fetches a photo only from an address that starts with one of <see cref="AllowedBaseUrls"/>;
/// any other address is refused without a request being made.
/// </summary>
public sealed class PhotoSourceOptions
{
    public const string Section = "Intake:PhotoSources";

    /// <summary>Absolute http(s) URL prefixes, e.g. <c>https://images.clinic.example/lesions/</c>; empty by default.</summary>
    public IList<string> AllowedBaseUrls { get; } = [];

    /// <summary>How long one fetch may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
