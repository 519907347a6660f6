namespace Triage.Intake.Search;

/// <summary>The alternatives of a token search, by form: <c>system|code</c>, a bare <c>code</c> (any system), or <c>system|</c>.</summary>
internal sealed record TokenSearch(List<string> SystemAndCode, List<string> Codes, List<string> Systems)
{
    public static TokenSearch Parse(IEnumerable<string> alternatives)
    {
        var search = new TokenSearch([], [], []);
        foreach (var value in alternatives)
        {
            var bar = value.IndexOf('|');
            if (bar < 0)
            {
                search.Codes.Add(value);
            }
            else if (bar == value.Length - 1)
            {
                search.Systems.Add(value[..bar]);
            }
            else
            {
                search.SystemAndCode.Add(value);
            }
        }

        return search;
    }
}
