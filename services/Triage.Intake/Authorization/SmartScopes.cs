using System.Text.RegularExpressions;

namespace Triage.Intake.Authorization;

/// <summary>
/// What a token's SMART system scopes grant: <c>system/{Type}.{cruds}</c> (SMART v2: create, read, update, delete,
/// search, in that order), <c>system/{Type}.read|write|*</c> (SMART v1), with <c>*</c> for every type. Patient and user
/// scopes, and v2 scopes narrowed by a query (<c>?category=...</c>), grant nothing here: the API has no patient or user
/// context to narrow them to.
/// </summary>
public sealed partial class SmartScopes
{
    public const char Create = 'c';
    public const char Read = 'r';
    public const char Update = 'u';
    public const char Delete = 'd';
    public const char Search = 's';

    private readonly Dictionary<string, HashSet<char>> _granted;

    private SmartScopes(Dictionary<string, HashSet<char>> granted) => _granted = granted;

    public static SmartScopes Parse(IEnumerable<string> scopes)
    {
        Dictionary<string, HashSet<char>> granted = [];
        foreach (var scope in scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (SystemScope().Match(scope) is not { Success: true } match)
            {
                continue;
            }

            var permissions = match.Groups["permissions"].Value switch
            {
                "read" => "rs",
                "write" => "cud",
                "*" => "cruds",
                var letters when V2Permissions().IsMatch(letters) => letters,
                _ => "",
            };
            var type = match.Groups["type"].Value;
            if (!granted.TryGetValue(type, out var set))
            {
                granted[type] = set = [];
            }

            set.UnionWith(permissions);
        }

        return new SmartScopes(granted);
    }

    public bool Allows(string type, char permission) =>
        (_granted.TryGetValue(type, out var forType) && forType.Contains(permission))
        || (_granted.TryGetValue("*", out var forAll) && forAll.Contains(permission));

    /// <summary>The scope that would grant it, for messages: <c>system/Media.c</c>.</summary>
    public static string Naming(string type, char permission) => $"system/{type}.{permission}";

    [GeneratedRegex(@"^system/(?<type>\*|[A-Z][A-Za-z]+)\.(?<permissions>read|write|\*|[cruds]+)$")]
    private static partial Regex SystemScope();

    [GeneratedRegex("^c?r?u?d?s?$")]
    private static partial Regex V2Permissions();
}
