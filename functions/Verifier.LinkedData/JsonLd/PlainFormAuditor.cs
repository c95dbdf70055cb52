using System.Text;
using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// The state of one audited expansion (<see cref="PlainFormAudit"/>): where the expander is in the document, the
/// term names the document's own contexts define, and what was found. The rules themselves are in
/// <see cref="PlainFormRules"/>; the expander calls both only when an audit was asked for.
/// </summary>
internal sealed class PlainFormAuditor
{
    private readonly List<(string? Name, int Index)> path = [];
    private readonly List<PlainFormViolation> found = [];
    private HashSet<string>? inlineTerms;

    public int Total { get; private set; }

    /// <summary>Set while the entries of a value object are expanded (its @type is a datatype, not a node type).</summary>
    public bool InValueObject { get; set; }

    public void Enter(string name) => path.Add((name, -1));

    public void Enter(int index) => path.Add((null, index));

    public void Leave() => path.RemoveAt(path.Count - 1);

    public void Report(PlainFormViolationKind kind, string reason, string? member = null)
    {
        if (++Total > PlainFormAudit.MaxKept)
        {
            return; // counted, not kept: a hostile document cannot grow memory through its violations
        }

        found.Add(new PlainFormViolation(Format(member), kind, reason));
    }

    public void PublishTo(PlainFormAudit audit) => audit.Publish([.. found], Total);

    /// <summary>Whether the document's own context (not a published one) defines a term of this name.</summary>
    public bool IsInlineTerm(string name) => inlineTerms?.Contains(name) == true;

    /// <summary>Remembers the term names an inline context defines, including inside its terms' scoped contexts.</summary>
    public void CollectInlineTerms(JsonElement context)
    {
        switch (context.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in context.EnumerateArray())
                {
                    CollectInlineTerms(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var member in context.EnumerateObject())
                {
                    if (member.Name.StartsWith('@'))
                    {
                        continue; // @vocab, @base… and keyword-like names, which are never terms
                    }

                    (inlineTerms ??= new HashSet<string>(StringComparer.Ordinal)).Add(member.Name);
                    if (member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty(Keywords.Context, out var scoped))
                    {
                        CollectInlineTerms(scoped);
                    }
                }

                break;
        }
    }

    /// <summary>The current position as a JSONPath, with one more member when given.</summary>
    private string Format(string? member)
    {
        var text = new StringBuilder("$");
        foreach (var (name, index) in path)
        {
            Append(text, name, index);
        }

        if (member is not null)
        {
            Append(text, member, -1);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string? name, int index)
    {
        if (name is null)
        {
            text.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
        }
        else if (IsPlainName(name))
        {
            text.Append('.').Append(name);
        }
        else
        {
            text.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
        }
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] is '_' or '@'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '@'))
            {
                return false;
            }
        }

        return true;
    }
}
