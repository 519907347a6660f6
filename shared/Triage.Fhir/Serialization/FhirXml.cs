using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Triage.Fhir.Errors;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Serialization;

/// <summary>
/// FHIR R4 XML in and out, as strict as <see cref="FhirJson"/>: unknown elements, wrong primitive values,
/// invalid codes and missing mandatory elements are refused with 400 and one issue per problem. A DTD
/// (and with it every entity declaration, external or not) is refused before anything is parsed.
/// </summary>
public static class FhirXml
{
    private static readonly FhirXmlDeserializer Deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    private static readonly FhirXmlSerializer Serializer = new();

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <exception cref="FhirRequestException">400: not well-formed XML, a DTD, or not a FHIR R4 resource.</exception>
    public static Resource Parse(byte[] utf8Xml)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(utf8Xml, writable: false), ReaderSettings);
            var resource = Deserializer.DeserializeResource(reader);
            while (reader.Read())
            {
                if (reader.NodeType is not (XmlNodeType.EndElement or XmlNodeType.Whitespace or XmlNodeType.None))
                {
                    throw NotXml("Unexpected content after the resource.");
                }
            }

            return resource;
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw FhirErrors.BadRequest("Document type declarations (DTDs) and entities are not accepted.", code: IssueType.Security);
        }
        catch (XmlException e)
        {
            throw NotXml($"The body is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}).");
        }
        catch (DeserializationFailedException e)
        {
            throw FhirErrors.BadRequest(DeserializationIssues.From(e));
        }
    }

    public static Resource Parse(string xml) => Parse(System.Text.Encoding.UTF8.GetBytes(xml));

    public static string Serialize(Resource resource) => Serializer.SerializeToString(resource);

    /// <param name="filter">Makes the filter that leaves elements out (a <c>_summary</c>), or null for the whole resource.</param>
    public static string Serialize(Resource resource, Func<SerializationFilter>? filter) =>
        Serializer.SerializeToString(resource, pretty: false, filterFactory: filter);

    private static FhirRequestException NotXml(string message) =>
        FhirErrors.BadRequest(message, code: IssueType.Structure);
}
