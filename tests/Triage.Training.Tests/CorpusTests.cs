using Microsoft.Extensions.Options;
using Triage.Ml.PadUfes20;
using Triage.Testing;
using Triage.Training.Corpus;

namespace Triage.Training.Tests;

public sealed class CorpusTests
{
    [Fact]
    public void A_patient_stays_on_its_side_whatever_else_is_in_the_corpus()
    {
        var patients = Enumerable.Range(0, 4000).Select(i => $"PAT_{i}").ToList();
        var evaluation = patients.Where(p => FrozenEvaluationSet.Contains(p, 0.2)).ToList();

        (evaluation.Count / (double)patients.Count).Should().BeApproximately(0.2, 0.03);
        evaluation.Should().OnlyContain(p => FrozenEvaluationSet.Contains(p, 0.2), "the decision depends on the patient alone");
        patients.Where(p => FrozenEvaluationSet.Contains(p, 0.1)).Should().BeSubsetOf(evaluation, "a smaller share keeps a subset of the patients");
    }

    [Fact]
    public async Task No_patient_is_on_both_sides_and_a_repeated_photo_is_taken_once()
    {
        var seed = SeedCases.First(60);
        var renamed = seed[0] with { CaseId = "reviewed-1", Source = "review" };
        var corpus = await new CorpusAssembler([new ListSource([.. seed, renamed])], Options.Create(new CorpusOptions { EvaluationShare = 0.3 }))
            .AssembleAsync(CancellationToken.None);

        corpus.Count.Should().Be(60);
        corpus.Training.Select(c => c.Case.PatientId).Intersect(corpus.Evaluation.Select(c => c.Case.PatientId)).Should().BeEmpty();
        corpus.Evaluation.Should().NotBeEmpty();
    }

    [Fact]
    public void The_hash_follows_the_cases_not_their_order()
    {
        var seed = SeedCases.First(10);
        var hash = new TrainingCorpus(seed.Take(8).ToList(), seed.Skip(8).ToList()).Hash;

        new TrainingCorpus(seed.Take(8).Reverse().ToList(), seed.Skip(8).Reverse().ToList()).Hash.Should().Be(hash);
        new TrainingCorpus(seed.Take(7).ToList(), seed.Skip(7).ToList()).Hash.Should().NotBe(hash, "a case moved to the other side");
        var relabelled = seed[0] with { Case = seed[0].Case with { Diagnosis = seed[0].Case.Diagnosis == Domain.Diagnoses.Diagnosis.NEV ? Domain.Diagnoses.Diagnosis.MEL : Domain.Diagnoses.Diagnosis.NEV } };
        new TrainingCorpus([relabelled, .. seed.Skip(1).Take(7)], seed.Skip(8).ToList()).Hash.Should().NotBe(hash, "a label changed");
    }

    [Fact]
    public void A_written_corpus_folder_reads_back_to_the_same_cases()
    {
        var seed = SeedCases.First(40);
        var folder = TestPaths.NewTempFolder("corpus-folder");
        try
        {
            var read = PadUfes20Reader.Read(CorpusFolder.Write(seed, folder));

            read.Should().HaveCount(seed.Count);
            foreach (var (written, back) in seed.Zip(read))
            {
                back.ImageId.Should().Be(written.CaseId);
                (back.PatientId, back.LesionId, back.Diagnosis, back.Biopsied).Should().Be((written.Case.PatientId, written.Case.LesionId, written.Case.Diagnosis, written.Case.Biopsied));
                back.Features.Known.Should().BeEquivalentTo(written.Case.Features.Known);
                File.ReadAllBytes(back.ImagePath).Should().Equal(File.ReadAllBytes(written.Case.ImagePath));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class ListSource(IReadOnlyList<LabelledCase> cases) : ILabelledCaseSource
    {
        public string Name => "list";

        public Task<IReadOnlyList<LabelledCase>> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(cases);

        public Task<int> CountAsync(CancellationToken cancellationToken) => Task.FromResult(cases.Count);
    }
}
