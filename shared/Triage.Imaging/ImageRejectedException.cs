namespace Triage.Imaging;

/// <summary>The bytes are not an image this platform accepts; the message says why in plain words.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException(ImageRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public ImageRejection Reason { get; }
}
