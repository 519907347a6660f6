namespace Triage.Fhir.Photos;

/// <summary>The encoded image of a lesion photo, as sent; decoding happens in Triage.Imaging.</summary>
/// <param name="ContentType"><c>image/png</c> or <c>image/jpeg</c>, lower case, without parameters.</param>
public sealed record LesionPhoto(byte[] Data, string ContentType);
