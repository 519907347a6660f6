using Hl7.Fhir.Model;
using Triage.Fhir.Errors;
using Triage.Fhir.Serialization;

namespace Triage.Fhir.Tests;

/// <summary>The example resources of tests/data/fhir, copied beside the test assembly.</summary>
internal static class FhirFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "fhir", name));

    public static T Parse<T>(string name) where T : Resource => FhirJson.Parse<T>(Read(name));

    public static FhirRequestException Refusal(Action act) => act.Should().Throw<FhirRequestException>().Which;

    public static IEnumerable<string?> Expressions(this FhirRequestException refusal) =>
        refusal.Issues.Select(i => i.Expression.SingleOrDefault());
}
