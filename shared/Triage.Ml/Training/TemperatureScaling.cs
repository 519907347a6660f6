namespace Triage.Ml.Training;

/// <summary>Fits the temperature T of softmax(logits / T) by minimising the mean negative log-likelihood.</summary>
public static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double minimum = 0.05, double maximum = 20)
    {
        // NLL is convex in 1/T, so a golden-section search over log T finds the minimum.
        double low = Math.Log(minimum), high = Math.Log(maximum);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var step = 0; step < 100 && high - low > 1e-7; step++)
        {
            var a = high - ratio * (high - low);
            var b = low + ratio * (high - low);
            if (NegativeLogLikelihood(logits, labels, Math.Exp(a)) < NegativeLogLikelihood(logits, labels, Math.Exp(b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        return Math.Exp((low + high) / 2);
    }

    public static double NegativeLogLikelihood(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        double total = 0;
        for (var i = 0; i < logits.Count; i++)
        {
            var scaled = logits[i].Select(l => l / temperature).ToArray();
            var max = scaled.Max();
            var logSum = max + Math.Log(scaled.Sum(s => Math.Exp(s - max)));
            total += logSum - scaled[labels[i]];
        }

        return total / logits.Count;
    }
}
