using Triage.Domain.ClinicalFeatures;
using Triage.Domain.Diagnoses;

namespace Triage.Ml.PadUfes20;

/// <summary>One row of PAD-UFES-20's metadata.csv whose image is present.</summary>
public sealed record PadUfes20Case(
    string PatientId,
    string LesionId,
    string ImageId,
    string ImagePath,
    Diagnosis Diagnosis,
    ClinicalFeatureSet Features,
    bool Biopsied);
