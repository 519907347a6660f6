using Triage.Ml.Onnx;

namespace Triage.Ml.Baseline;

/// <summary>
/// Colour statistics of a preprocessed CHW image: per channel the mean and the (population)
/// standard deviation over the whole image, then the mean colour of each cell of a
/// <see cref="Grid"/> x <see cref="Grid"/> grid, channel by channel, row by row. Computed here in C#
/// for training and inside the ONNX graph for inference; the two must agree.
/// </summary>
public static class ColourFeatures
{
    public const int Grid = 4;
    public const int Count = 3 + 3 + 3 * Grid * Grid;

    public static void Compute(ReadOnlySpan<float> chw, int width, int height, Span<float> destination)
    {
        CheckSize(width, height);
        var plane = width * height;
        if (chw.Length != 3 * plane || destination.Length != Count)
        {
            throw new ArgumentException($"Expected {3 * plane} image values and room for {Count} features.");
        }

        int cellWidth = width / Grid, cellHeight = height / Grid;
        for (var c = 0; c < 3; c++)
        {
            var channel = chw.Slice(c * plane, plane);
            double sum = 0;
            foreach (var v in channel)
            {
                sum += v;
            }

            var mean = sum / plane;
            double squares = 0;
            foreach (var v in channel)
            {
                squares += (v - mean) * (v - mean);
            }

            destination[c] = (float)mean;
            destination[3 + c] = (float)Math.Sqrt(squares / plane);
            for (var row = 0; row < Grid; row++)
            {
                for (var col = 0; col < Grid; col++)
                {
                    double cell = 0;
                    for (var y = row * cellHeight; y < (row + 1) * cellHeight; y++)
                    {
                        foreach (var v in channel.Slice(y * width + col * cellWidth, cellWidth))
                        {
                            cell += v;
                        }
                    }

                    destination[6 + (c * Grid + row) * Grid + col] = (float)(cell / (cellWidth * cellHeight));
                }
            }
        }
    }

    /// <summary>Adds the same computation to a graph; returns the name of its [N, Count] output.</summary>
    public static string AddTo(OnnxGraphBuilder graph, string image, int width, int height)
    {
        CheckSize(width, height);
        var mean = graph.Node("GlobalAveragePool", [image], "colour_mean");
        var centred = graph.Node("Sub", [image, mean], "colour_centred");
        var squared = graph.Node("Mul", [centred, centred], "colour_squared");
        var variance = graph.Node("GlobalAveragePool", [squared], "colour_variance");
        var std = graph.Node("Sqrt", [variance], "colour_std");
        long[] cell = [height / Grid, width / Grid];
        var grid = graph.Node("AveragePool", [image], "colour_grid",
            OnnxAttributes.Ints("kernel_shape", cell), OnnxAttributes.Ints("strides", cell));
        var axis = OnnxAttributes.Int("axis", 1);
        return graph.Node("Concat",
            [
                graph.Node("Flatten", [mean], "colour_mean_flat", axis),
                graph.Node("Flatten", [std], "colour_std_flat", axis),
                graph.Node("Flatten", [grid], "colour_grid_flat", axis),
            ],
            "colour_features",
            axis);
    }

    private static void CheckSize(int width, int height)
    {
        if (width % Grid != 0 || height % Grid != 0 || width < Grid || height < Grid)
        {
            throw new ArgumentException($"Colour features need a width and height that are multiples of {Grid}; got {width}x{height}.");
        }
    }
}
