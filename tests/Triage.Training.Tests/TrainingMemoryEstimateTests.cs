using Triage.Ml.Experiments;
using Triage.Training.Memory;

namespace Triage.Training.Tests;

public sealed class TrainingMemoryEstimateTests
{
    [Theory]
    // cases, size, trains teacher, teacher params, student params -> photo cache, teacher step, distil step, peak
    [InlineData(100, 64, true, 1_000_000, 500_000, 100L * 96 * 96 * 4, 16_000_000L, 12_000_000L, 100L * 96 * 96 * 4 + 16_000_000)]
    [InlineData(100, 64, false, 1_000_000, 500_000, 100L * 96 * 96 * 4, 0L, 12_000_000L, 100L * 96 * 96 * 4 + 12_000_000)]
    [InlineData(10, 33, true, 0, 1, 10L * 49 * 49 * 4, 0L, 16L, 10L * 49 * 49 * 4 + 16)]
    [InlineData(0, 96, true, 100, 1_000, 0L, 1_600L, 16_400L, 16_400L)]
    public void Counts_the_photo_cache_and_the_larger_training_step(
        int cases, int size, bool trainsTeacher, long teacher, long student, long cache, long teacherStep, long distilStep, long peak)
    {
        var estimate = TrainingMemoryEstimate.For(cases, size, trainsTeacher, teacher, student);

        estimate.Should().Be(new TrainingMemoryEstimate(cache, teacherStep, distilStep));
        estimate.PeakBytes.Should().Be(peak);
    }

    [Fact]
    public void The_pipeline_networks_have_the_parameter_counts_of_their_published_trunks()
    {
        // EfficientNet-B0 without its ImageNet head has 4.0 M parameters, ConvNeXt-atto 3.4 M; heads, CBAM and metadata add a little.
        NetworkParameters.Of(new NetworkDescription(NetworkDescription.Student, null, UseMetadata: true, 64)).Should().BeInRange(4_000_000, 6_000_000);
        NetworkParameters.Of(new NetworkDescription(NetworkDescription.Teacher, "atto", UseMetadata: true, 64)).Should().BeInRange(3_300_000, 5_000_000);
    }
}
