using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Triage.Fhir.Terminology;

namespace Triage.Fhir.Results;

/// <summary>
/// The Provenance of one AI result (HL7 AI Transparency): the RiskAssessment it produced, the deciding model's
/// Device as author, the student's Device as performer when it escalated, and the photo and Observations used as sources.
/// </summary>
public static class ResultProvenanceFactory
{
    /// <param name="occurred">When the model answered.</param>
    /// <param name="recorded">When the result was stored.</param>
    /// <param name="escalatingStudent">The student's Device when the teacher decided; otherwise null.</param>
    public static Provenance Create(
        ResourceReference riskAssessment,
        ResourceReference decidingDevice,
        ResourceReference? escalatingStudent,
        IEnumerable<ResourceReference> sources,
        DateTimeOffset occurred,
        DateTimeOffset recorded)
    {
        List<Provenance.AgentComponent> agents = [Agent("author", "Author", decidingDevice)];
        if (escalatingStudent is not null)
        {
            agents.Add(Agent("performer", "Performer", escalatingStudent));
        }

        return new Provenance
        {
            Meta = new Meta { Profile = [TriageCanonicals.ResultProvenanceProfile] },
            Target = [riskAssessment],
            Occurred = new FhirDateTime(occurred),
            Recorded = recorded,
            Activity = new CodeableConcept(ResultTerminology.DataOperationSystem, "CREATE", "create", null),
            Agent = agents,
            Entity = [.. sources.Select(s => new Provenance.EntityComponent { Role = Provenance.ProvenanceEntityRole.Source, What = s })],
        };
    }

    private static Provenance.AgentComponent Agent(string code, string display, ResourceReference who) => new()
    {
        Type = new CodeableConcept(ResultTerminology.ProvenanceParticipantTypeSystem, code, display, null),
        Who = who,
    };
}
