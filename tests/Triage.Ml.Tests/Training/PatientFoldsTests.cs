using Triage.Ml.Training;

namespace Triage.Ml.Tests.Training;

public class PatientFoldsTests
{
    private static readonly string[] Patients = Enumerable.Range(0, 60).Select(i => $"PAT_{i % 40}").ToArray();
    private static readonly int[] Labels = Enumerable.Range(0, 60).Select(i => i % 40 < 5 ? 5 : i % 3).ToArray();

    [Fact]
    public void No_patient_is_in_two_folds()
    {
        var folds = PatientFolds.Assign(Patients, Labels, 5, seed: 1);

        Patients.Zip(folds).GroupBy(p => p.First).Should().AllSatisfy(g => g.Select(p => p.Second).Distinct().Should().ContainSingle());
    }

    [Fact]
    public void Rare_classes_spread_over_the_folds_and_the_split_is_repeatable()
    {
        var folds = PatientFolds.Assign(Patients, Labels, 5, seed: 1);

        folds.Where((_, i) => Labels[i] == 5)
            .Distinct().Should().HaveCount(5);
        PatientFolds.Assign(Patients, Labels, 5, seed: 1).Should().Equal(folds);
        PatientFolds.Assign(Patients, Labels, 5, seed: 2).Should().NotEqual(folds);
    }
}
