namespace Triage.Intake.Fhir;

/// <summary>What a create or update answers with, as the <c>Prefer: return=...</c> header asks (FHIR R4 3.1.0.8.1).</summary>
public enum ReturnPreference
{
    Representation,
    Minimal,
    OperationOutcome,
}
