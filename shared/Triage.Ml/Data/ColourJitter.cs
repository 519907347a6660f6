using SkiaSharp;

namespace Triage.Ml.Data;

/// <summary>Brightness, contrast, saturation and hue changes as one 4x5 colour matrix (values in 0..1).</summary>
internal static class ColourJitter
{
    private const float LumaR = 0.299f, LumaG = 0.587f, LumaB = 0.114f;

    public static SKColorFilter? Create(AugmentationOptions options, Random random)
    {
        var brightness = Factor(options.Brightness, random);
        var contrast = Factor(options.Contrast, random);
        var saturation = Factor(options.Saturation, random);
        var hue = (float)((random.NextDouble() * 2 - 1) * options.Hue);
        if (brightness == 1 && contrast == 1 && saturation == 1 && hue == 0)
        {
            return null;
        }

        var matrix = Multiply(Hue(hue), Multiply(Saturation(saturation), Multiply(Contrast(contrast), Scale(brightness))));
        return SKColorFilter.CreateColorMatrix(matrix);
    }

    private static float Factor(double range, Random random) =>
        range == 0 ? 1f : (float)(1 + (random.NextDouble() * 2 - 1) * range);

    private static float[] Scale(float s) => [s, 0, 0, 0, 0, 0, s, 0, 0, 0, 0, 0, s, 0, 0, 0, 0, 0, 1, 0];

    // Blend with mid grey, as torchvision blends with the mean grey level.
    private static float[] Contrast(float c) =>
        [c, 0, 0, 0, 0.5f * (1 - c), 0, c, 0, 0, 0.5f * (1 - c), 0, 0, c, 0, 0.5f * (1 - c), 0, 0, 0, 1, 0];

    private static float[] Saturation(float s)
    {
        float r = (1 - s) * LumaR, g = (1 - s) * LumaG, b = (1 - s) * LumaB;
        return [r + s, g, b, 0, 0, r, g + s, b, 0, 0, r, g, b + s, 0, 0, 0, 0, 0, 1, 0];
    }

    // Rotation about the grey axis by `turns` of a full circle.
    private static float[] Hue(float turns)
    {
        var angle = turns * 2 * MathF.PI;
        float cos = MathF.Cos(angle), sin = MathF.Sin(angle);
        float third = 1f / 3, root = MathF.Sqrt(third);
        float a = cos + (1 - cos) * third, b = third * (1 - cos) - root * sin, c = third * (1 - cos) + root * sin;
        return [a, b, c, 0, 0, c, a, b, 0, 0, b, c, a, 0, 0, 0, 0, 0, 1, 0];
    }

    private static float[] Multiply(float[] left, float[] right)
    {
        var result = new float[20];
        for (var row = 0; row < 4; row++)
        {
            for (var column = 0; column < 5; column++)
            {
                var sum = column == 4 ? left[row * 5 + 4] : 0f;
                for (var k = 0; k < 4; k++)
                {
                    sum += left[row * 5 + k] * right[k * 5 + column];
                }

                result[row * 5 + column] = sum;
            }
        }

        return result;
    }
}
