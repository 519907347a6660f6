using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Snapshot;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Triage.Fhir.Conformance;

/// <summary>
/// Where profiles, value sets and code systems are looked up: the project's own resources (StructureDefinitions with
/// their snapshots generated here) over the core R4 specification (specification.zip of Hl7.Fhir.Specification.Data.R4).
/// Reading the specification is slow, so one instance serves the process (<see cref="Shared"/>).
/// </summary>
public sealed class ConformanceSource
{
    private static readonly Lazy<ConformanceSource> LazyShared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private ConformanceSource(IReadOnlyList<Resource> own, IAsyncResourceResolver resolver)
    {
        Own = own;
        Resolver = resolver;
        Terminology = LocalTerminologyService.CreateDefaultForCore(resolver);
    }

    public static ConformanceSource Shared => LazyShared.Value;

    /// <summary>The project's own resources, StructureDefinitions with snapshots.</summary>
    public IReadOnlyList<Resource> Own { get; }

    public IAsyncResourceResolver Resolver { get; }

    /// <summary>
    /// Code validation without a terminology server: expands the project's and the core value sets locally (and knows
    /// MIME types and languages). It cannot expand LOINC or SNOMED CT; see <see cref="ProfileValidatorSettings"/>.
    /// </summary>
    public ICodeValidationTerminologyService Terminology { get; }

    public bool IsOwn(string? canonical) =>
        canonical is not null && Own.OfType<IVersionableConformanceResource>().Any(r => r.Url == canonical.Split('|')[0]);

    private static ConformanceSource Load()
    {
        var core = ZipSource.CreateValidationSource();
        var own = ConformanceResources.Load();
        var generator = new SnapshotGenerator(new MultiResolver(new InMemoryResourceResolver(own), core), SnapshotGeneratorSettings.CreateDefault());
        foreach (var profile in own.OfType<StructureDefinition>())
        {
            generator.UpdateAsync(profile).GetAwaiter().GetResult();
            if (generator.Outcome?.Issue.Any(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal) == true)
            {
                throw new InvalidOperationException(
                    $"The snapshot of {profile.Url} could not be generated: {string.Join("; ", generator.Outcome.Issue.Select(i => i.Details?.Text ?? i.Diagnostics))}");
            }
        }

        return new ConformanceSource(own, new CachedResolver(new MultiResolver(new InMemoryResourceResolver(own), core)));
    }
}
