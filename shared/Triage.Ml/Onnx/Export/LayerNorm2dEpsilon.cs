using System.Reflection;
using Triage.Ml.Models;

namespace Triage.Ml.Onnx.Export;

/// <summary>
/// The epsilon a <see cref="LayerNorm2d"/> was built with. The module keeps it private; it is read here
/// rather than assumed, so that a norm built with another value still exports exactly.
/// </summary>
internal static class LayerNorm2dEpsilon
{
    private static readonly FieldInfo Field =
        typeof(LayerNorm2d).GetField("_epsilon", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingFieldException(nameof(LayerNorm2d), "_epsilon");

    public static double Of(LayerNorm2d norm) => (double)Field.GetValue(norm)!;
}
