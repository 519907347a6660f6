using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Triage.Intake.Fhir;

/// <summary>A wire format of FHIR resources (JSON or XML), the media types that name it, and its parser and writer.</summary>
public sealed class FhirFormat
{
    public static readonly FhirFormat Json = new(
        "json", ["application/fhir+json", "application/json", "application/json+fhir", "text/json"], body => FhirJson.Parse(body), (resource, filter) => FhirJson.Serialize(resource, filter));

    public static readonly FhirFormat Xml = new(
        "xml", ["application/fhir+xml", "application/xml", "application/xml+fhir", "text/xml"], FhirXml.Parse, (resource, filter) => FhirXml.Serialize(resource, filter));

    private readonly Func<byte[], Resource> _parse;
    private readonly Func<Resource, Func<SerializationFilter>?, string> _serialize;

    private FhirFormat(string shortName, string[] mediaTypes, Func<byte[], Resource> parse, Func<Resource, Func<SerializationFilter>?, string> serialize)
    {
        ShortName = shortName;
        MediaTypes = mediaTypes;
        _parse = parse;
        _serialize = serialize;
    }

    public static IReadOnlyList<FhirFormat> All { get; } = [Json, Xml];

    /// <summary>The <c>_format</c> short form: <c>json</c> or <c>xml</c>.</summary>
    public string ShortName { get; }

    /// <summary>The FHIR media type first, then the others accepted as meaning the same.</summary>
    public IReadOnlyList<string> MediaTypes { get; }

    public string MediaType => MediaTypes[0];

    public string ContentType => $"{MediaType}; charset=utf-8";

    /// <summary>The format a media type (without parameters) names; null when it names none of ours.</summary>
    public static FhirFormat? OfMediaType(string? mediaType) =>
        mediaType is null ? null : All.FirstOrDefault(f => f.MediaTypes.Contains(mediaType.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The format a <c>_format</c> value names: a short form or a media type.</summary>
    public static FhirFormat? OfFormatParameter(string value) =>
        All.FirstOrDefault(f => f.ShortName.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) ?? OfMediaType(value);

    /// <exception cref="FhirRequestException">400 when the body is not a FHIR resource in this format.</exception>
    public Resource Parse(byte[] body) => _parse(body);

    public string Serialize(Resource resource) => _serialize(resource, null);

    /// <param name="filter">Makes the filter that leaves elements out (a <c>_summary</c>), or null for the whole resource.</param>
    public string Serialize(Resource resource, Func<SerializationFilter>? filter) => _serialize(resource, filter);
}
