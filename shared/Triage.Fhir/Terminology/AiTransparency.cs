namespace Triage.Fhir.Terminology;

/// <summary>Canonicals of the HL7 AI Transparency on FHIR IG (1.0.0-ballot) that the platform writes.</summary>
public static class AiTransparency
{
    /// <summary>The AI's confidence in the resource it is attached to; <c>valueDecimal</c> is a probability.</summary>
    public const string ConfidenceExtension = "http://hl7.org/fhir/uv/aitransparency/StructureDefinition/AIconfidence";

    public const string DeviceTypeSystem = "http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS";
    public const string ArtificialIntelligence = "Artificial-Intelligence";
}
