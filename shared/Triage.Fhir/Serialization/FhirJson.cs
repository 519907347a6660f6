using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Triage.Fhir.Errors;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Serialization;

/// <summary>
/// FHIR R4 JSON in and out. Parsing is strict (Firely's <see cref="DeserializationMode.Strict"/>): unknown
/// elements, wrong primitive types, invalid codes and base64, and missing mandatory elements of the base
/// resource are refused with 400 and one issue per problem.
/// </summary>
public static class FhirJson
{
    private static readonly FhirJsonDeserializer Deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private static readonly FhirJsonSerializer Serializer = new();

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <exception cref="FhirRequestException">400: not JSON, or not a FHIR R4 resource.</exception>
    public static Resource Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <exception cref="FhirRequestException">400: not JSON, not FHIR, or not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string json) where T : Resource => Parse<T>(Encoding.UTF8.GetBytes(json));

    public static T Parse<T>(ReadOnlySpan<byte> utf8Json) where T : Resource
    {
        var resource = Parse(utf8Json);
        return resource as T ?? throw FhirErrors.BadRequest(
            $"Expected a {typeof(T).Name} resource, got {resource.TypeName}.", code: IssueType.Invalid);
    }

    public static Resource Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            var first = reader;
            if (!first.Read() || first.TokenType != JsonTokenType.StartObject)
            {
                throw NotJson("The body must be a JSON object holding a FHIR resource.");
            }

            var resource = Deserializer.DeserializeResource(ref reader);
            if (reader.Read())
            {
                throw NotJson("Unexpected content after the resource.");
            }

            return resource;
        }
        catch (JsonException e)
        {
            throw NotJson($"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        catch (DeserializationFailedException e)
        {
            throw FhirErrors.BadRequest(DeserializationIssues.From(e));
        }
    }

    /// <summary>Compact JSON (no indentation).</summary>
    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);

    /// <param name="filter">Makes the filter that leaves elements out (a <c>_summary</c>), or null for the whole resource.</param>
    public static string Serialize(Resource resource, Func<SerializationFilter>? filter) =>
        Serializer.SerializeToString(resource, pretty: false, filterFactory: filter);

    public static byte[] SerializeToUtf8Bytes(Resource resource) => Serializer.SerializeToBytes(resource);

    private static FhirRequestException NotJson(string message) =>
        FhirErrors.BadRequest(message, code: IssueType.Structure);
}
