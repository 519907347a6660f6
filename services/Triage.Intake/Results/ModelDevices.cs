using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Triage.Data;
using Triage.Data.Resources;
using Triage.Intake.Storage;

namespace Triage.Intake.Results;

/// <summary>
/// One Device per model name and version, found by its identifier or added to the unit of work. The identifier's
/// unique key makes two results that add the same new model at once collide; the loser's retry finds the winner's Device.
/// </summary>
public sealed class ModelDevices(TriageDbContext db, FhirResourceStore store)
{
    private const string Type = "Device";

    public async Task<ResourceReference> FindOrAddAsync(string modelName, string modelVersion, string role, CancellationToken cancellationToken)
    {
        var identifier = ModelDeviceFactory.Identifier(modelName, modelVersion);
        var (system, value) = (identifier.System!, identifier.Value!);
        var id = db.ResourceIdentifiers.Local
                .FirstOrDefault(i => i.ResourceType == Type && i.System == system && i.Value == value)?.ResourceId
            ?? await db.ResourceIdentifiers.AsNoTracking()
                .Where(i => i.ResourceType == Type && i.System == system && i.Value == value)
                .Select(i => i.ResourceId).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            var device = ModelDeviceFactory.Create(modelName, modelVersion, role);
            store.AddNew(device, patientId: null);
            db.ResourceIdentifiers.Add(new ResourceIdentifier
            {
                ResourceType = Type, System = system, Value = value, ResourceId = device.Id!,
            });
            id = device.Id!;
        }

        return new ResourceReference($"{Type}/{id}", $"{modelName} {modelVersion}");
    }
}
