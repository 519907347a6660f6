using Hl7.Fhir.Model;

namespace Triage.Fhir.Cases;

/// <summary>
/// The lesion a photo shows, so that photos of one lesion over time can be told from photos of the patient's other
/// lesions. The EHR names it on the Media with the core <c>bodySite</c> extension (Reference(BodyStructure)): by its
/// own identifier of the lesion (preferred: the platform stores no BodyStructure) or by a literal reference.
/// </summary>
public static class LesionOfPhoto
{
    public const string ExtensionUrl = "http://hl7.org/fhir/StructureDefinition/bodySite";

    /// <summary>A key that is equal for photos of the same lesion: <c>system|value</c> of the lesion's identifier, or
    /// the reference; null when the Media does not name its lesion.</summary>
    public static string? KeyOf(Media media)
    {
        if (media.GetExtensionValue<ResourceReference>(ExtensionUrl) is not { } lesion)
        {
            return null;
        }

        if (lesion.Identifier is { Value: { Length: > 0 } value } identifier)
        {
            return $"{identifier.System}|{value}";
        }

        return string.IsNullOrWhiteSpace(lesion.Reference) ? null : lesion.Reference;
    }

    /// <summary>Names the lesion <paramref name="media"/> shows by the EHR's identifier of it.</summary>
    public static void Name(Media media, Identifier lesion) =>
        media.SetExtension(ExtensionUrl, new ResourceReference { Type = "BodyStructure", Identifier = lesion });
}
