using Triage.Inference.Models;
using Triage.Ml.Baseline;

namespace Triage.Inference.Tests.Models;

public class OnnxClassifierTests
{
    private static List<ClassifierInput> RandomInputs(OnnxClassifier classifier, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new ClassifierInput(
                Enumerable.Range(0, classifier.Contract.Input.TensorLength).Select(_ => random.NextSingle() * 4 - 2).ToArray(),
                Enumerable.Range(0, classifier.Contract.MetadataWidth).Select(_ => (float)random.Next(2)).ToArray()))
            .ToList();
    }

    [Fact]
    public void A_batch_gives_what_each_item_gives_alone()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.Write());
        var inputs = RandomInputs(classifier, 7, seed: 1);

        var batched = classifier.Classify(inputs);

        batched.Should().HaveCount(7);
        for (var i = 0; i < inputs.Count; i++)
        {
            var alone = classifier.Classify([inputs[i]])[0];
            batched[i].Should().HaveCount(6);
            batched[i].Zip(alone).Should().AllSatisfy(p => p.First.Should().BeApproximately(p.Second, 1e-6f));
            batched[i].Sum().Should().BeApproximately(1f, 1e-5f);
        }
    }

    [Fact]
    public void Concurrent_calls_give_the_same_answers_as_sequential_ones()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.Write());
        var inputs = RandomInputs(classifier, 16, seed: 2);
        var expected = inputs.Select(i => classifier.Classify([i])[0]).ToList();

        var results = new float[inputs.Count * 4][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            results[i] = classifier.Classify([inputs[i % inputs.Count]])[0]);

        for (var i = 0; i < results.Length; i++)
        {
            results[i].Should().Equal(expected[i % inputs.Count]);
        }
    }

    [Fact]
    public void Inputs_of_the_wrong_length_are_refused_and_an_empty_batch_is_empty()
    {
        using var classifier = TestModelFiles.OpenOnCpu(TestModelFiles.Write());
        var good = RandomInputs(classifier, 1, seed: 3)[0];

        classifier.Classify([]).Should().BeEmpty();
        classifier.Invoking(c => c.Classify([good with { Image = new float[10] }])).Should().Throw<ArgumentException>();
        classifier.Invoking(c => c.Classify([good with { Metadata = new float[3] }])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Probabilities_follow_the_file_temperature()
    {
        using var cold = TestModelFiles.OpenOnCpu(TestModelFiles.Write(new TestModelOptions { Temperature = 1 }));
        using var warm = TestModelFiles.OpenOnCpu(TestModelFiles.Write(new TestModelOptions { Temperature = 4 }));
        var input = RandomInputs(cold, 1, seed: 4);

        var sharp = cold.Classify(input)[0];
        var flat = warm.Classify(input)[0];

        flat.Max().Should().BeLessThan(sharp.Max());
        Array.IndexOf(flat, flat.Max()).Should().Be(Array.IndexOf(sharp, sharp.Max()));
    }
}
