using System.Security.Cryptography;
using Triage.Data.Images;

namespace Triage.Intake.MediaIntake;

/// <summary>A checked photo as the image row it is stored in, whether it came in a Media or as a Binary.</summary>
public static class StoredPhotos
{
    public static string Sha256Of(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static StoredImage NewImage(Guid id, CheckedPhoto photo, string sha256, DateTimeOffset receivedAt) => new()
    {
        Id = id,
        Sha256 = sha256,
        ContentType = photo.Info.ContentType,
        Width = photo.Info.Width,
        Height = photo.Info.Height,
        Content = photo.Data,
        ReceivedAt = receivedAt,
    };
}
