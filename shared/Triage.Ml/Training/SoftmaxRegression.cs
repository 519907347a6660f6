namespace Triage.Ml.Training;

/// <param name="L2">Penalty on the weights (not the biases): L2 / 2 * |W|^2.</param>
public sealed record SoftmaxRegressionOptions(double L2 = 1e-2, int Iterations = 500, double LearningRate = 0.2, double Momentum = 0.9);

/// <summary>
/// Multinomial logistic regression fitted by full-batch gradient descent with Nesterov momentum on
/// a sample-weighted cross-entropy plus an L2 penalty. Deterministic.
/// </summary>
public sealed class SoftmaxRegression
{
    private SoftmaxRegression(double[] weights, double[] bias)
    {
        Weights = weights;
        Bias = bias;
    }

    /// <summary>Row-major [classes, features].</summary>
    public double[] Weights { get; }

    public double[] Bias { get; }

    public int ClassCount => Bias.Length;

    public static SoftmaxRegression Fit(
        IReadOnlyList<double[]> x, IReadOnlyList<int> y, IReadOnlyList<double> sampleWeights, int classes, SoftmaxRegressionOptions options)
    {
        var features = x[0].Length;
        var size = classes * (features + 1);
        double[] theta = new double[size], velocity = new double[size], lookahead = new double[size], gradient = new double[size];
        var totalWeight = sampleWeights.Sum();
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            for (var j = 0; j < size; j++)
            {
                lookahead[j] = theta[j] + options.Momentum * velocity[j];
            }

            Gradient(lookahead, x, y, sampleWeights, totalWeight, classes, options.L2, gradient);
            for (var j = 0; j < size; j++)
            {
                velocity[j] = options.Momentum * velocity[j] - options.LearningRate * gradient[j];
                theta[j] += velocity[j];
            }
        }

        return new SoftmaxRegression(theta[..(classes * features)], theta[(classes * features)..]);
    }

    public double[] Logits(ReadOnlySpan<double> x) => Logits(Weights, Bias, x);

    public static double[] Softmax(ReadOnlySpan<double> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        var p = new double[logits.Length];
        for (var k = 0; k < p.Length; k++)
        {
            p[k] = Math.Exp(logits[k] - max);
        }

        var sum = p.Sum();
        for (var k = 0; k < p.Length; k++)
        {
            p[k] /= sum;
        }

        return p;
    }

    private static double[] Logits(ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, ReadOnlySpan<double> x)
    {
        var logits = new double[bias.Length];
        for (var k = 0; k < logits.Length; k++)
        {
            var row = weights.Slice(k * x.Length, x.Length);
            var z = bias[k];
            for (var f = 0; f < x.Length; f++)
            {
                z += row[f] * x[f];
            }

            logits[k] = z;
        }

        return logits;
    }

    private static void Gradient(
        double[] theta, IReadOnlyList<double[]> x, IReadOnlyList<int> y, IReadOnlyList<double> sampleWeights,
        double totalWeight, int classes, double l2, double[] gradient)
    {
        var features = x[0].Length;
        var weights = theta.AsSpan(0, classes * features);
        var bias = theta.AsSpan(classes * features);
        for (var j = 0; j < weights.Length; j++)
        {
            gradient[j] = l2 * weights[j];
        }

        Array.Clear(gradient, weights.Length, classes);
        for (var i = 0; i < x.Count; i++)
        {
            var p = Softmax(Logits(weights, bias, x[i]));
            var scale = sampleWeights[i] / totalWeight;
            for (var k = 0; k < classes; k++)
            {
                var g = scale * (p[k] - (y[i] == k ? 1 : 0));
                var row = gradient.AsSpan(k * features, features);
                for (var f = 0; f < features; f++)
                {
                    row[f] += g * x[i][f];
                }

                gradient[weights.Length + k] += g;
            }
        }
    }
}
