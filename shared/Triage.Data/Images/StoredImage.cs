namespace Triage.Data.Images;

/// <summary>A lesion photo as it was received, kept once and referred to by id (claim check).</summary>
public sealed class StoredImage
{
    public Guid Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    public required string ContentType { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
