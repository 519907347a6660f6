using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Triage.Fhir.Conformance;
using Triage.Fhir.Errors;
using IssueComponent = Hl7.Fhir.Model.OperationOutcome.IssueComponent;
using IssueSeverity = Hl7.Fhir.Model.OperationOutcome.IssueSeverity;
using IssueType = Hl7.Fhir.Model.OperationOutcome.IssueType;

namespace Triage.Fhir.Validation;

/// <summary>
/// Validates resources against profiles with Firely's validator, over <see cref="ConformanceSource"/>. Firely's validator
/// is not thread-safe, so validations take turns; one instance serves the process (<see cref="Shared"/>), as its schema
/// cache makes every validation after the first of a profile take milliseconds instead of seconds.
/// </summary>
public sealed class ProfileValidator
{
    private static readonly Lazy<ProfileValidator> LazyShared = new(() => new ProfileValidator(ConformanceSource.Shared));

    private readonly ConformanceSource _source;
    private readonly Validator _validator;
    private readonly Lock _turn = new();

    public ProfileValidator(ConformanceSource source)
    {
        _source = source;
        _validator = new Validator(source.Resolver, source.Terminology, referenceResolver: null, ProfileValidatorSettings.Create(IsKnown));
    }

    public static ProfileValidator Shared => LazyShared.Value;

    /// <summary>
    /// What intake holds a resource to on create and update: the project's profile for its type (lesion photos and clinical
    /// features) and any of the project's profiles it claims in <c>meta.profile</c>. Empty when none applies.
    /// </summary>
    /// <param name="path">Where the resource is in the request, for issue expressions (e.g. <c>Bundle.entry[2].resource</c>).</param>
    public IReadOnlyList<IssueComponent> ValidateForIntake(Resource resource, string path)
    {
        var profile = TriageCanonicals.ProfileOf(resource.TypeName);
        var claimsOurs = resource.Meta?.Profile.Any(_source.IsOwn) == true;
        return profile is null && !claimsOurs ? [] : Validate(resource, profile, path);
    }

    /// <summary>
    /// <c>$validate</c>: against <paramref name="profile"/> when given, else the project's profile for the type (or the
    /// core definition) unless the resource claims another of the project's profiles (a lesion diagnosis is an
    /// Observation but not a clinical feature); and against every claimed profile this server knows. A claimed profile
    /// it does not know is a warning: it is not looked up elsewhere.
    /// </summary>
    public IReadOnlyList<IssueComponent> Validate(Resource resource, string? profile, string path)
    {
        var claimsOwn = resource.Meta?.Profile.Any(_source.IsOwn) == true;
        profile ??= claimsOwn ? null : TriageCanonicals.ProfileOf(resource.TypeName);
        OperationOutcome outcome;
        lock (_turn)
        {
            outcome = _validator.Validate(resource, profile);
        }

        var unknownClaims = (resource.Meta?.Profile ?? []).Where(p => !IsKnown(p)).Select(p => FhirErrors.Issue(
            IssueType.NotSupported, $"Profile {p} is not known here; the resource was not validated against it.", $"{path}.meta.profile",
            IssueSeverity.Warning));
        return [.. outcome.Issue.Select(i => Restate(i, resource.TypeName, path)), .. unknownClaims];
    }

    /// <summary>The project's own profiles and the core specification's.</summary>
    public bool IsKnown(string? canonical) =>
        canonical is not null && (_source.IsOwn(canonical) || canonical.StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal));

    /// <summary>An issue as the rest of the API writes them: the message as diagnostics, the expression from where the resource is.</summary>
    private static IssueComponent Restate(IssueComponent issue, string type, string path)
    {
        var expressions = issue.Expression.Concat(issue.Location).OfType<string>().Distinct().Select(e => Rebase(e, type, path)).ToList();
        var restated = FhirErrors.Issue(
            issue.Code ?? IssueType.Invalid, issue.Details?.Text ?? issue.Diagnostics ?? "Not valid.", null, issue.Severity ?? IssueSeverity.Error);
        restated.Expression = expressions.Count == 0 ? [path] : expressions;
        return restated;
    }

    private static string Rebase(string expression, string type, string path) =>
        expression == type ? path
        : expression.StartsWith(type + ".", StringComparison.Ordinal) ? path + expression[type.Length..]
        : expression;
}
