using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Fhir;

/// <summary>
/// The simple input parameters of an operation: the query string, and for a POST with a body the primitive values of its
/// Parameters (FHIR R4 3.1.0.1.3: an operation that changes nothing may be called by GET with its parameters in the URL).
/// </summary>
public sealed class OperationParameters(ILookup<string, string> values)
{
    public IEnumerable<string> this[string name] => values[name];

    public string? Single(string name) => values[name].LastOrDefault();

    /// <exception cref="FhirRequestException">400 for a body that is not a Parameters, or a part that is not a primitive value.</exception>
    public static async Task<OperationParameters> ReadAsync(HttpRequest request, FhirRequestReader reader, CancellationToken cancellationToken)
    {
        List<(string Name, string Value)> given = [.. request.Query.SelectMany(q => q.Value.Select(v => (q.Key, v ?? "")))];
        if (HttpMethods.IsPost(request.Method) && HasBody(request))
        {
            var parameters = (await reader.ReadAsync(request, cancellationToken)).Parse<Parameters>();
            given.AddRange(parameters.Parameter.Select((p, i) => p.Value is PrimitiveType primitive && primitive.ToString() is { } value
                ? (p.Name ?? "", value)
                : throw FhirErrors.BadRequest($"Parameter '{p.Name}' needs a primitive value here.", $"Parameters.parameter[{i}]")));
        }

        return new OperationParameters(given.ToLookup(p => p.Name, p => p.Value));
    }

    /// <summary>Whether the request carries a body (an operation's input), by its headers.</summary>
    public static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && !string.IsNullOrEmpty(request.ContentType));
}
