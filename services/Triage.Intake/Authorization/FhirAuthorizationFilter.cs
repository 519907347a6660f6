using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Authorization;

/// <summary>
/// When the API asks for authorization: a route with <see cref="FhirAccess"/> needs a valid Bearer token (401) whose
/// scopes allow it (403), before any work. A transaction or batch is checked entry by entry once it is read.
/// </summary>
internal sealed class FhirAuthorizationFilter(IOptions<FhirAuthorizationOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (options.Value.Enabled && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<FhirAccess>() is { } access)
        {
            if (await FhirCaller.AuthenticateAsync(context.HttpContext) is not { } caller)
            {
                return FhirCaller.Challenge(context.HttpContext);
            }

            if (access != FhirAccess.PerBundleEntry)
            {
                caller.Demand([access]);
            }
        }

        return await next(context);
    }
}
