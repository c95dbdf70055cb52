using Verifier.LinkedData.JsonLd;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// What the RDFC suites say about a document that is not in its plain compacted form (docs/checks/proofs.md,
/// <c>proof.canonicalForm</c>): the graph is what was signed, the JSON is what the checks read, and only the plain
/// form guarantees they agree. So a valid signature over any other form is refused, with the places to look at.
/// </summary>
internal static class PlainForm
{
    /// <summary>How many violations a message lists; verbose reports carry all that were kept.</summary>
    public const int Listed = 3;

    public static string Describe(string what, IReadOnlyList<PlainFormViolation> violations, int total)
    {
        var listed = string.Join("; ", violations.Take(Listed));
        var more = total > Listed ? $"; and {total - Listed} more" : string.Empty;
        return $"the {what} is not in the plain compacted form its proof signs: {listed}{more} (a JSON-LD-equivalent rewrite could hide what the checks read)";
    }

    /// <summary>The violations of the proof configuration and the document together, each labelled.</summary>
    public static (List<PlainFormViolation> Violations, int Total, string What) Collect(PlainFormAudit? config, PlainFormAudit? document)
    {
        var violations = new List<PlainFormViolation>();
        var total = 0;
        var what = "credential";
        if (document is { IsPlain: false })
        {
            violations.AddRange(document.Violations);
            total += document.Total;
        }

        if (config is { IsPlain: false })
        {
            what = violations.Count == 0 ? "proof" : "credential and its proof";
            violations.AddRange(config.Violations.Select(v => v with { Path = "$.proof" + v.Path[1..] }));
            total += config.Total;
        }

        return (violations, total, what);
    }
}
