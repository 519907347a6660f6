using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Results;

/// <summary>A Device for one version of one model (HL7 AI Transparency: the AI as a Device), and the identifier that keeps it single.</summary>
public static class ModelDeviceFactory
{
    public static Identifier Identifier(string modelName, string modelVersion) =>
        new(ResultTerminology.ModelDeviceIdentifierSystem, $"{modelName}@{modelVersion}");

    /// <param name="role">Student or teacher (<see cref="Contracts.ModelRole"/>).</param>
    /// <exception cref="ArgumentException">An unknown role.</exception>
    public static Device Create(string modelName, string modelVersion, string role) => new()
    {
        Meta = new Meta { Profile = [TriageCanonicals.ModelDeviceProfile] },
        Identifier = [Identifier(modelName, modelVersion)],
        Status = Device.FHIRDeviceStatus.Active,
        DeviceName = [new Device.DeviceNameComponent { Name = modelName, Type = DeviceNameType.ModelName }],
        Version = [new Device.VersionComponent { Value = modelVersion }],
        Type = new CodeableConcept(AiTransparency.DeviceTypeSystem, AiTransparency.ArtificialIntelligence, "Artificial intelligence", $"Skin-lesion classifier ({role} model)"),
        Property =
        [
            new Device.PropertyComponent
            {
                Type = new CodeableConcept(ResultTerminology.DevicePropertySystem, ResultTerminology.ModelRoleProperty, "Model role", null),
                ValueCode = [new CodeableConcept { Coding = [ModelCascadeCoding.Role(role)] }],
            },
        ],
    };
}
