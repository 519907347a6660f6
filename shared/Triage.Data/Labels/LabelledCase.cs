using Triage.Domain.Labels;

namespace Triage.Data.Labels;

/// <summary>
/// A reviewed case as training data: the photo (by image id), the clinical features, the diagnosis that stands
/// (<see cref="LabelPrecedence"/>: a biopsy beats a dermatologist's diagnosis), where it came from, who gave it and when.
/// One per case.
/// </summary>
public sealed class LabelledCase
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid ImageId { get; set; }

    public required string PatientId { get; set; }

    /// <summary>The known clinical features as JSON: feature key to value (boolean, number or category code).</summary>
    public required string Features { get; set; }

    /// <summary>The PAD-UFES-20 diagnosis code.</summary>
    public required string Label { get; set; }

    public LabelSource Source { get; set; }

    /// <summary>Who gave the label: the reviewer's user name.</summary>
    public required string LabelledBy { get; set; }

    public DateTimeOffset LabelledAt { get; set; }

    /// <summary>The Observation that records the label in FHIR.</summary>
    public required string ObservationId { get; set; }
}
