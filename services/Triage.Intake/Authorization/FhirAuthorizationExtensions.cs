using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Triage.Intake.Authorization;

public static class FhirAuthorizationExtensions
{
    /// <summary>The Bearer token scheme of the FHIR API (<see cref="FhirCaller.Scheme"/>), set from <see cref="FhirAuthorizationOptions"/>.</summary>
    public static void AddFhirAuthorization(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FhirAuthorizationOptions>().Bind(builder.Configuration.GetSection(FhirAuthorizationOptions.Section));
        builder.Services.AddAuthentication().AddJwtBearer(FhirCaller.Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(FhirCaller.Scheme).Configure<IOptions<FhirAuthorizationOptions>>((bearer, fhir) =>
        {
            var settings = fhir.Value;
            // Without an authority the handler is never asked (the filter lets every request through); the options must
            // still be valid should anything resolve them.
            bearer.Authority = settings.Enabled ? settings.Authority : "https://authorization.not-configured.invalid/";
            bearer.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters.ValidateAudience = settings.ChecksAudience;
            bearer.TokenValidationParameters.ValidAudience = settings.ChecksAudience ? settings.Audience : null;
        });
    }
}
