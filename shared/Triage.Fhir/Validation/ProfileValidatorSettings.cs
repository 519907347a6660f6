using Firely.Fhir.Validation;

namespace Triage.Fhir.Validation;

/// <summary>How the project's validator is set up.</summary>
public static class ProfileValidatorSettings
{
    /// <param name="isKnown">Whether a claimed profile is one this server validates against.</param>
    public static ValidationSettings Create(Func<string, bool> isKnown) => new()
    {
        // No terminology server is reachable. When the local one cannot decide a code (a LOINC or SNOMED CT code in a
        // value set defined by a filter, a code system it does not hold), that is a warning: a code is not wrong merely
        // because its system is external. Codes of the project's own value sets are always decided locally.
        HandleValidateCodeServiceFailure = (_, _) => TerminologyServiceExceptionResult.Warning,

        // A profile claimed in meta.profile that this server does not know is left out (and reported as a warning
        // by ProfileValidator), rather than failing the resource for a definition it cannot fetch.
        SelectValidationProfiles = (_, claimed, _, _) => [.. claimed.Where(c => isKnown(c.Uri ?? c.Original))],
    };
}
