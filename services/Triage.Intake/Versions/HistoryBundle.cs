using Hl7.Fhir.Model;

namespace Triage.Intake.Versions;

/// <summary>A Bundle of type history: every version of a resource, newest first, each with how it came to be.</summary>
public static class HistoryBundle
{
    public static Bundle Create(IReadOnlyList<Resource> versionsNewestFirst, string baseUrl, string selfUrl)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.History, Total = versionsNewestFirst.Count, Timestamp = DateTimeOffset.UtcNow };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = selfUrl });
        bundle.Entry.AddRange(versionsNewestFirst.Select(version => Entry(version, baseUrl)));
        return bundle;
    }

    private static Bundle.EntryComponent Entry(Resource version, string baseUrl)
    {
        var created = version.Meta?.VersionId == "1";
        return new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl}/{version.TypeName}/{version.Id}",
            Resource = version,
            Request = new Bundle.RequestComponent
            {
                Method = created ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT,
                Url = created ? version.TypeName : $"{version.TypeName}/{version.Id}",
            },
            Response = new Bundle.ResponseComponent
            {
                Status = created ? "201 Created" : "200 OK",
                Etag = $"W/\"{version.Meta?.VersionId}\"",
                LastModified = version.Meta?.LastUpdated,
            },
        };
    }
}
