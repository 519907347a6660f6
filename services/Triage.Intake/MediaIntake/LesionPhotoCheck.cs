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
        return Check(photo.Data, photo.ContentType, $"{expression}.content.data", $"{expression}.content.contentType");
    }

    /// <summary>A photo posted as a Binary resource: its data and declared content type, checked like a Media's.</summary>
    public CheckedPhoto Check(Binary binary, string expression)
    {
        if (binary.Data is not { Length: > 0 } data)
        {
            throw FhirErrors.Unprocessable("Binary.data must hold the encoded photo.", $"{expression}.data", OperationOutcome.IssueType.Required);
        }

        if (binary.ContentType?.Split(';')[0].Trim().ToLowerInvariant() is not { } declared || !LesionPhotoReader.SupportedContentTypes.Contains(declared))
        {
            throw FhirErrors.Unprocessable(
                $"Binary.contentType must be one of {string.Join(", ", LesionPhotoReader.SupportedContentTypes)}.", $"{expression}.contentType", OperationOutcome.IssueType.Value);
        }

        return Check(data, declared, $"{expression}.data", $"{expression}.contentType");
    }

    /// <param name="dataExpression">Where the bytes are, for the issue when they do not decode.</param>
    /// <param name="contentTypeExpression">Where the declared content type is, for the issue when it is not the bytes' format.</param>
    public CheckedPhoto Check(byte[] data, string declaredContentType, string dataExpression, string contentTypeExpression)
    {
        ImageInfo info;
        try
        {
            info = decoder.Inspect(data);
            // A header can be fine while the pixels are cut off: decode the whole image once.
            using var _ = decoder.Decode(data);
        }
        catch (ImageRejectedException rejected)
        {
            throw FhirErrors.Unprocessable(rejected.Message, dataExpression, OperationOutcome.IssueType.Value);
        }

        if (!string.Equals(info.ContentType, declaredContentType, StringComparison.OrdinalIgnoreCase))
        {
            throw FhirErrors.Unprocessable(
                $"The content type says {declaredContentType} but the data is {info.ContentType}.",
                contentTypeExpression,
                OperationOutcome.IssueType.Value);
        }

        return new CheckedPhoto(data, info);
    }
}

/// <summary>Photo bytes that decoded, with their format and upright size.</summary>
/// <param name="StoredImageId">The image already stored with these bytes (a Binary posted earlier); null for new bytes.</param>
public sealed record CheckedPhoto(byte[] Data, ImageInfo Info, Guid? StoredImageId = null);
