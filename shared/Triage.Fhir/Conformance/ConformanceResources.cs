using System.Reflection;
using Hl7.Fhir.Model;
using Triage.Fhir.Serialization;

namespace Triage.Fhir.Conformance;

/// <summary>The project's StructureDefinitions, CodeSystems and ValueSets, as authored (differentials only), from the embedded JSON files.</summary>
public static class ConformanceResources
{
    private const string Prefix = "Conformance/";

    /// <summary>The logical names of the embedded files, e.g. <c>Conformance/StructureDefinition-lesion-photo.json</c>.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [.. typeof(ConformanceResources).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Parses every file anew (strictly, as a request body would be), so callers may change what they get.</summary>
    /// <exception cref="FhirRequestException">A file is not a valid FHIR R4 resource.</exception>
    public static IReadOnlyList<Resource> Load() => [.. FileNames.Select(Load)];

    public static Resource Load(string fileName)
    {
        using var stream = typeof(ConformanceResources).Assembly.GetManifestResourceStream(fileName)
            ?? throw new FileNotFoundException($"No embedded conformance resource {fileName}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FhirJson.Parse(buffer.ToArray());
    }
}
