using Hl7.Fhir.Model;

namespace Triage.Intake.Authorization;

/// <summary>What the entries of a transaction or batch need, each as its own interaction would (an entry without a request needs nothing here: the Bundle's own checks refuse it).</summary>
public static class BundleAccess
{
    public static IEnumerable<FhirAccess> Of(Bundle bundle) =>
        bundle.Entry.Select(e => e.Request).OfType<Bundle.RequestComponent>().Select(Of).OfType<FhirAccess>();

    private static FhirAccess? Of(Bundle.RequestComponent request)
    {
        var url = request.Url ?? "";
        var path = url.Split('?')[0].Trim('/');
        var type = path.Split('/')[0];
        if (type.Length == 0)
        {
            return null;
        }

        return request.Method switch
        {
            Bundle.HTTPVerb.POST => new FhirAccess(type, SmartScopes.Create),
            Bundle.HTTPVerb.PUT or Bundle.HTTPVerb.PATCH => new FhirAccess(type, SmartScopes.Update),
            Bundle.HTTPVerb.DELETE => new FhirAccess(type, SmartScopes.Delete),
            _ => new FhirAccess(type, path.Contains('/') ? SmartScopes.Read : SmartScopes.Search),
        };
    }
}
