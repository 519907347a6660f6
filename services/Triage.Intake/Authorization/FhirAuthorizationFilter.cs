using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Authorization;

/// <summary>
/// When the API asks for authorization: a route with <see cref="FhirAccess"/> needs a valid Bearer token (401) whose
/// scopes allow it (403), before any work. A transaction or batch is checked entry by entry once it is read. Every
/// request is written to the access log (<see cref="FhirAudit"/>) with its caller and answer.
/// </summary>
internal sealed class FhirAuthorizationFilter(IOptions<FhirAuthorizationOptions> options, ILoggerFactory loggers) : IEndpointFilter
{
    private readonly ILogger _audit = loggers.CreateLogger(FhirAudit.Category);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Value.Enabled && http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<FhirAccess>() is { } access)
        {
            var method = http.Request.Method;
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
            var resourceId = http.GetRouteValue("id") as string ?? "-";
            if (await FhirCaller.AuthenticateAsync(http) is not { } caller)
            {
                _audit.Unauthenticated(method, route, resourceId);
                return FhirCaller.Challenge(http);
            }

            http.Response.OnCompleted(() =>
            {
                _audit.Accessed(method, route, resourceId, caller.ClientId, http.Response.StatusCode);
                return Task.CompletedTask;
            });

            if (access != FhirAccess.PerBundleEntry)
            {
                caller.Demand([access]);
            }
        }

        return await next(context);
    }
}
