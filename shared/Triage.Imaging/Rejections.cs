using SkiaSharp;

namespace Triage.Imaging;

internal static class Rejections
{
    public static ImageRejectedException Empty() =>
        new(ImageRejection.Empty, "The file is empty.");

    public static ImageRejectedException TooLarge(long bytes, long limit) =>
        new(ImageRejection.TooLarge, $"The file is {Megabytes(bytes)}; the limit is {Megabytes(limit)}.");

    public static ImageRejectedException NotAnImage() =>
        new(ImageRejection.NotAnImage, "The file is not a PNG or JPEG image.");

    public static ImageRejectedException Unsupported(string format) =>
        new(ImageRejection.UnsupportedFormat, $"{format} images are not accepted; send a PNG or JPEG.");

    public static ImageRejectedException TooManyPixels(int width, int height, long limit) =>
        new(ImageRejection.TooManyPixels,
            $"The image is {width} x {height} pixels; at most {limit:N0} pixels are accepted.");

    public static ImageRejectedException TooSmall(int width, int height, int minSide) =>
        new(ImageRejection.TooSmall,
            $"The image is {width} x {height} pixels; each side must be at least {minSide} pixels.");

    public static ImageRejectedException Undecodable(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput =>
            new(ImageRejection.Truncated, "The image is cut short or damaged: the file does not hold the whole picture."),
        SKCodecResult.ErrorInInput =>
            new(ImageRejection.Truncated, "The image data is damaged part way through."),
        _ => new(ImageRejection.NotAnImage, "The file looks like a PNG or JPEG image but cannot be read."),
    };

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
