using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Fhir;

/// <summary>Refuses with 406, before any work, a request whose answer the client would not accept.</summary>
internal sealed class ResponseFormatFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var servesRawContent = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RestResource>() is { ServesRawContent: true };
        if (!servesRawContent || request.Query.ContainsKey(ContentNegotiation.FormatParameter))
        {
            ContentNegotiation.RequireResponseFormat(request);
        }

        return next(context);
    }
}
