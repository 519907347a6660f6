using Triage.Ml.Training;

namespace Triage.Ml.Tests.Training;

public class TemperatureScalingTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Recovers_the_temperature_that_generated_the_labels(double temperature)
    {
        var random = new Random(3);
        var logits = new List<double[]>();
        var labels = new List<int>();
        for (var i = 0; i < 4000; i++)
        {
            var z = Enumerable.Range(0, 6).Select(_ => random.NextDouble() * 6 - 3).ToArray();
            var p = SoftmaxRegression.Softmax(z.Select(v => v / temperature).ToArray());
            var u = random.NextDouble();
            var label = 0;
            for (var cumulative = p[0]; cumulative < u && label < 5; cumulative += p[++label])
            {
            }

            logits.Add(z);
            labels.Add(label);
        }

        TemperatureScaling.Fit(logits, labels).Should().BeApproximately(temperature, temperature * 0.1);
    }
}
