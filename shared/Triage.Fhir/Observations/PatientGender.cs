using Hl7.Fhir.Model;
using Triage.Domain.ClinicalFeatures;

namespace Triage.Fhir.Observations;

/// <summary>The <c>gender</c> feature as FHIR's Patient.gender.</summary>
public static class PatientGender
{
    /// <summary>male and female map to MALE and FEMALE; other, unknown and absent to unknown.</summary>
    public static FeatureValue ToFeature(Patient patient) => patient.Gender switch
    {
        AdministrativeGender.Male => FeatureValue.OfCategory("MALE"),
        AdministrativeGender.Female => FeatureValue.OfCategory("FEMALE"),
        _ => FeatureValue.Unknown,
    };

    public static AdministrativeGender? ToAdministrativeGender(FeatureValue gender) => gender.Category switch
    {
        "MALE" => AdministrativeGender.Male,
        "FEMALE" => AdministrativeGender.Female,
        _ => null,
    };
}
