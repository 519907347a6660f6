using Hl7.Fhir.Model;
using Triage.Domain.Diagnoses;

namespace Triage.Host.Tests;

internal static class RiskAssessmentAssertions
{
    /// <summary>Six predictions in class order whose probabilities sum to 1, about the patient, based on the photo.</summary>
    public static void ShouldBeTheAnswerFor(this RiskAssessment risk, string patientId, string mediaId)
    {
        risk.Subject.Reference.Should().Be($"Patient/{patientId}");
        risk.Basis.Select(b => b.Reference).Should().Contain($"Media/{mediaId}");
        risk.Status.Should().Be(ObservationStatus.Final);
        risk.Prediction.Select(p => p.Outcome!.Coding.Single().Code)
            .Should().Equal(Diagnoses.All.Select(d => d.Code()));
        var probabilities = risk.Prediction.Select(p => (decimal)p.Probability.Should().BeOfType<FhirDecimal>().Subject.Value!).ToList();
        probabilities.Should().OnlyContain(p => p >= 0 && p <= 1);
        ((double)probabilities.Sum()).Should().BeApproximately(1.0, 1e-4);
    }
}
