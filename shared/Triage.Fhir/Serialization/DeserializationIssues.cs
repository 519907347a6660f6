using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Triage.Fhir.Errors;

namespace Triage.Fhir.Serialization;

/// <summary>Turns the problems Firely collects while parsing into issues with FHIRPath expressions.</summary>
public static partial class DeserializationIssues
{
    public const string FirelyErrorSystem = "http://firely.com/CodeSystem/ErrorMessages";

    private const int LongestQuotedValue = 40;

    public static IEnumerable<OperationOutcome.IssueComponent> From(DeserializationFailedException failure)
    {
        var root = failure.PartialResult is Resource { TypeName: var name } && ModelInfo.IsKnownResource(name) ? name : "Resource";
        return failure.Exceptions.Select(problem => ToIssue(problem, root));
    }

    private static OperationOutcome.IssueComponent ToIssue(CodedException problem, string root)
    {
        if (problem is not ExtendedCodedException detailed)
        {
            return FhirErrors.Issue(OperationOutcome.IssueType.Structure, Shorten(problem.Message));
        }

        var message = Shorten(Rooted(detailed.BaseErrorMessage, root));
        var where = detailed.LineNumber is { } line ? $" (line {line}, position {detailed.Position})" : "";
        var issue = FhirErrors.Issue(
            detailed.IssueType,
            message + where,
            string.IsNullOrEmpty(detailed.InstancePath) ? null : Rooted(detailed.InstancePath, root),
            detailed.IssueSeverity);
        issue.Details = new CodeableConcept(FirelyErrorSystem, detailed.ErrorCode, message);
        return issue;
    }

    /// <summary>Firely names the root <c>$this</c> (or <c>UnnamedResource_$this</c>) where it knows no type yet.</summary>
    private static string Rooted(string text, string root) =>
        text.Replace("UnnamedResource_$this", root, StringComparison.Ordinal)
            .Replace("$this", root, StringComparison.Ordinal);

    /// <summary>Firely quotes the offending value; a refused base64 image would be quoted whole.</summary>
    private static string Shorten(string message) =>
        QuotedValue().Replace(message, m => m.Groups[1].Length <= LongestQuotedValue
            ? m.Value
            : $"'{m.Groups[1].Value[..LongestQuotedValue]}...' ({m.Groups[1].Length} characters)");

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedValue();
}
