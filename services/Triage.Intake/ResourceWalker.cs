using Hl7.Fhir.Model;

namespace Triage.Intake;

internal static class ResourceWalker
{
    /// <summary>Every element below <paramref name="node"/>, depth first.</summary>
    public static IEnumerable<Base> Descendants(this Base node)
    {
        foreach (var (_, value) in node.EnumerateElements())
        {
            var children = value switch
            {
                Base child => [child],
                IEnumerable<Base> list => list,
                _ => [],
            };
            foreach (var child in children)
            {
                yield return child;
                foreach (var descendant in child.Descendants())
                {
                    yield return descendant;
                }
            }
        }
    }
}
