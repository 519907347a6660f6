namespace Triage.Imaging;

public enum ImageRejection
{
    Empty,
    TooLarge,
    NotAnImage,
    UnsupportedFormat,
    Truncated,
    TooSmall,
    TooManyPixels,
}
