using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace Triage.Intake.Fhir;

/// <summary>Reads the <c>Prefer</c> header: <c>return</c> for a create or update, <c>handling</c> for a search.</summary>
public static class PreferHeader
{
    private const string ReturnToken = "return";

    /// <summary>The <c>return</c> preference; other preferences (handling, respond-async) are left to whoever honours them.</summary>
    /// <exception cref="FhirRequestException">400 for a <c>return</c> value FHIR does not define.</exception>
    public static ReturnPreference Return(HttpRequest request)
    {
        foreach (var preference in request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(',')))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (!parts[0].Equals(ReturnToken, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return parts.Length == 2 ? Parse(parts[1].Trim('"')) : throw Unsupported(preference.Trim());
        }

        return ReturnPreference.Representation;
    }

    /// <summary>True for <c>handling=strict</c>: a search refuses what it does not support instead of ignoring it (lenient, the default).</summary>
    public static bool IsStrict(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(','))
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Any(p => p.Length == 2 && p[0].Equals("handling", StringComparison.OrdinalIgnoreCase) && p[1].Trim('"') == "strict");

    private static ReturnPreference Parse(string value) => value switch
    {
        "representation" => ReturnPreference.Representation,
        "minimal" => ReturnPreference.Minimal,
        "OperationOutcome" => ReturnPreference.OperationOutcome,
        _ => throw Unsupported($"return={value}"),
    };

    private static FhirRequestException Unsupported(string preference) => FhirErrors.BadRequest(
        $"Prefer '{preference}' is not supported; use return=minimal, return=representation or return=OperationOutcome.",
        "Prefer",
        OperationOutcome.IssueType.NotSupported);
}
