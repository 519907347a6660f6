using Hl7.Fhir.Model;
using Triage.Intake.Search;

namespace Triage.Intake.Fhir;

/// <summary>One interaction a resource type answers, and the handler (a minimal-API delegate) that answers it.</summary>
public sealed record RestInteraction(CapabilityStatement.TypeRestfulInteraction Code, Delegate Handler);

/// <summary>A search parameter a resource type's search really reads.</summary>
/// <param name="Definition">The canonical URL of the parameter's definition in the FHIR specification.</param>
/// <param name="Kind">Where its values are looked up.</param>
public sealed record SupportedSearchParameter(string Name, SearchParamType Type, string Definition, string Documentation, SearchKind Kind)
{
    /// <summary>For a reference parameter, the type a bare id refers to; null when a bare id is not enough.</summary>
    public string? TargetType { get; init; }
}

/// <summary>An extended operation (e.g. <c>$validate</c>) at type level (<c>POST /fhir/{type}/$name</c>) and instance level.</summary>
/// <param name="Definition">The canonical URL of its OperationDefinition.</param>
/// <param name="TypeHandler">Null when the operation applies to an instance only.</param>
public sealed record RestOperation(string Name, string Definition, Delegate? TypeHandler, Delegate InstanceHandler)
{
    /// <summary>Also answered on GET: it changes nothing and its parameters fit in the URL.</summary>
    public bool AnswersGet { get; init; }
}

/// <summary>A resource type served under <c>/fhir</c>: what it answers, and how.</summary>
public sealed record RestResource(string Type, IReadOnlyList<RestInteraction> Interactions)
{
    public bool ConditionalCreate { get; init; }

    public IReadOnlyList<RestOperation> Operations { get; init; } = [];

    /// <summary>The profile every resource of the type is held to on create and update, if any (CapabilityStatement <c>profile</c>).</summary>
    public string? Profile { get; init; }

    /// <summary>Every profile resources of the type on this server conform to (CapabilityStatement <c>supportedProfile</c>); by default the one of <see cref="Profile"/>.</summary>
    public IReadOnlyList<string>? SupportedProfiles { get; init; }

    public IReadOnlyList<SupportedSearchParameter> SearchParameters { get; init; } = [];

    /// <summary>The <c>_include</c> values its search honours, e.g. <c>RiskAssessment:basis</c>.</summary>
    public IReadOnlyList<string> SearchIncludes { get; init; } = [];

    /// <summary>The <c>_revinclude</c> values its search honours, e.g. <c>Provenance:target</c>.</summary>
    public IReadOnlyList<string> SearchRevIncludes { get; init; } = [];

    /// <summary>Answers in its own content type (a photo) unless FHIR is asked for, so an Accept without FHIR types is no 406.</summary>
    public bool ServesRawContent { get; init; }

    public bool Supports(CapabilityStatement.TypeRestfulInteraction code) => Interactions.Any(i => i.Code == code);
}
