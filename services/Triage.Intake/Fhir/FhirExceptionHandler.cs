using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Triage.Fhir;

namespace Triage.Intake.Fhir;

/// <summary>Turns every failure on a <c>/fhir</c> route into an OperationOutcome, without exception text.</summary>
public sealed class FhirExceptionHandler(IOptions<IntakeOptions> options, ILogger<FhirExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/fhir"))
        {
            return false;
        }

        var maxRequestBytes = options.Value.MaxRequestBytes;
        var failure = exception switch
        {
            FhirRequestException fhir => fhir,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => FhirErrors.PayloadTooLarge(maxRequestBytes),
            BadHttpRequestException bad => FhirErrors.BadRequest("The request could not be read.", null, OperationOutcome.IssueType.Structure),
            _ => null,
        };

        if (failure is null)
        {
            logger.RequestFailed(exception);
            failure = FhirErrors.Internal();
        }
        else
        {
            logger.RequestRefused(failure.StatusCode, failure.Message);
        }

        await FhirResults.Resource(failure.Outcome, failure.StatusCode).ExecuteAsync(context);
        return true;
    }
}
