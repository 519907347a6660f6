namespace Triage.Imaging;

/// <summary>Format and upright size (EXIF orientation applied) of an encoded image.</summary>
public sealed record ImageInfo(string ContentType, int Width, int Height)
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
}
