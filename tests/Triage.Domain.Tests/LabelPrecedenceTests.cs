using Triage.Domain.Diagnoses;
using Triage.Domain.Labels;

namespace Triage.Domain.Tests;

public class LabelPrecedenceTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static CaseLabel Dermatologist(Diagnosis d, int day) => new(d, LabelSource.Dermatologist, Day1.AddDays(day));

    private static CaseLabel Biopsy(Diagnosis d, int day) => new(d, LabelSource.Biopsy, Day1.AddDays(day));

    public static TheoryData<string, CaseLabel, CaseLabel?, CaseLabel> Cases() => new()
    {
        { "the first label stands", Dermatologist(Diagnosis.NEV, 0), null, Dermatologist(Diagnosis.NEV, 0) },
        { "a later biopsy overrides the clinical label", Biopsy(Diagnosis.MEL, 14), Dermatologist(Diagnosis.NEV, 0), Biopsy(Diagnosis.MEL, 14) },
        { "a biopsy overrides even a later clinical label", Biopsy(Diagnosis.BCC, 0), Dermatologist(Diagnosis.SEK, 2), Biopsy(Diagnosis.BCC, 0) },
        { "a clinical label never overrides a biopsy", Dermatologist(Diagnosis.NEV, 30), Biopsy(Diagnosis.MEL, 14), Biopsy(Diagnosis.MEL, 14) },
        { "a later clinical label corrects an earlier one", Dermatologist(Diagnosis.ACK, 3), Dermatologist(Diagnosis.SCC, 1), Dermatologist(Diagnosis.ACK, 3) },
        { "an earlier clinical label does not undo a later one", Dermatologist(Diagnosis.ACK, 1), Dermatologist(Diagnosis.SCC, 3), Dermatologist(Diagnosis.SCC, 3) },
        { "a later biopsy report corrects an earlier one", Biopsy(Diagnosis.SCC, 20), Biopsy(Diagnosis.ACK, 10), Biopsy(Diagnosis.SCC, 20) },
        { "an earlier biopsy report does not undo a later one", Biopsy(Diagnosis.ACK, 10), Biopsy(Diagnosis.SCC, 20), Biopsy(Diagnosis.SCC, 20) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_label_that_stands(string because, CaseLabel incoming, CaseLabel? current, CaseLabel stands)
    {
        LabelPrecedence.Resolve(incoming, current).Should().Be(stands, because);
        LabelPrecedence.Replaces(incoming, current).Should().Be(stands == incoming, because);
    }
}
