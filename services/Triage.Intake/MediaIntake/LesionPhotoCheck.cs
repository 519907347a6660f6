using Hl7.Fhir.Model;
using Triage.Fhir;
using Triage.Imaging;

namespace Triage.Intake.MediaIntake;

/// <summary>Reads the photo of a lesion Media and proves it decodes, before anything is stored.</summary>
public sealed class LesionPhotoCheck(ImageDecoder decoder)
{
    public CheckedPhoto Check(Media media, string expression)
    {
        var photo = LesionPhotoReader.Read(media, expression);
        ImageInfo info;
        try
        {
            info = decoder.Inspect(photo.Data);
            // A header can be fine while the pixels are cut off: decode the whole image once.
            using var _ = decoder.Decode(photo.Data);
        }
        catch (ImageRejectedException rejected)
        {
            throw FhirErrors.Unprocessable(rejected.Message, $"{expression}.content.data", OperationOutcome.IssueType.Value);
        }

        if (!string.Equals(info.ContentType, photo.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw FhirErrors.Unprocessable(
                $"Media.content.contentType says {photo.ContentType} but the data is {info.ContentType}.",
                $"{expression}.content.contentType",
                OperationOutcome.IssueType.Value);
        }

        return new CheckedPhoto(photo.Data, info);
    }
}

/// <summary>Photo bytes that decoded, with their format and upright size.</summary>
public sealed record CheckedPhoto(byte[] Data, ImageInfo Info);
