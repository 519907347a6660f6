using Hl7.Fhir.Model;

namespace Triage.Intake.Fhir;

/// <summary>A request body as received, parsed anew on each call (a request retried after a race parses its own text again).</summary>
public sealed class FhirRequestBody(byte[] bytes, FhirFormat format)
{
    public FhirFormat Format => format;

    /// <exception cref="FhirRequestException">400 when the body is not a <typeparamref name="T"/> in its format.</exception>
    public T Parse<T>()
        where T : Resource
    {
        var resource = format.Parse(bytes);
        var expected = ModelInfo.GetFhirTypeNameForType(typeof(T));
        return resource as T ?? throw FhirErrors.BadRequest(
            $"The body is a {resource.TypeName} but this endpoint takes a {expected}.",
            resource.TypeName,
            OperationOutcome.IssueType.Invalid);
    }
}
