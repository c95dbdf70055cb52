using System.Text;

namespace Verifier.LinkedData.JsonLd;

/// <summary>IRI helpers: RFC 3986 §5.2 reference resolution (basic algorithm only, as JSON-LD requires) and form checks.</summary>
internal static class Iri
{
    /// <summary>True when the string starts with a scheme (RFC 3986 §3.1) followed by ':' — an absolute IRI.</summary>
    public static bool IsAbsolute(string value)
    {
        if (value.Length < 2 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Well-formed for RDF (JSON-LD 1.1 API §8.1.2 drops triples with ill-formed IRIs): absolute and free of the
    /// characters an IRI cannot contain (RFC 3987 excludes spaces, controls and &lt;&gt;"{}|\^`).
    /// </summary>
    public static bool IsWellFormed(string value)
    {
        if (!IsAbsolute(value))
        {
            return false;
        }

        var span = value.AsSpan();
        if (span.IndexOfAny(NotInIri) >= 0)
        {
            return false;
        }

        // RFC 3987: a fragment cannot contain '#'.
        var hash = span.IndexOf('#');
        return hash < 0 || span[(hash + 1)..].IndexOf('#') < 0;
    }

    private static readonly System.Buffers.SearchValues<char> NotInIri = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f" +
        " <>\"{}|\\^`");

    public static bool IsBlankNode(string value) => value.StartsWith("_:", StringComparison.Ordinal);

    /// <summary>Keyword form: "@" followed by one or more ALPHA (JSON-LD 1.1 §9.2 / API §4.2.2 step 5).</summary>
    public static bool HasKeywordForm(string value)
    {
        if (value.Length < 2 || value[0] != '@')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiLetter(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Ends with a gen-delim (RFC 3986 §2.2), which lets a simple term act as a prefix (API §4.2.2 step 14.2.3).</summary>
    public static bool EndsWithGenDelim(string value) =>
        value.Length > 0 && value[^1] is ':' or '/' or '?' or '#' or '[' or ']' or '@';

    /// <summary>Resolves a reference against a base (RFC 3986 §5.2.2, strict), without normalization beyond dot segments.</summary>
    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null || IsAbsolute(reference))
        {
            return IsAbsolute(reference) ? RemoveDotsInAbsolute(reference) : reference;
        }

        var b = Parts.Parse(baseIri);
        var r = Parts.Parse(reference);
        string? authority, path, query;
        if (r.Authority is not null)
        {
            authority = r.Authority;
            path = RemoveDotSegments(r.Path);
            query = r.Query;
        }
        else
        {
            if (r.Path.Length == 0)
            {
                path = b.Path;
                query = r.Query ?? b.Query;
            }
            else
            {
                path = r.Path[0] == '/' ? RemoveDotSegments(r.Path) : RemoveDotSegments(Merge(b, r.Path));
                query = r.Query;
            }

            authority = b.Authority;
        }

        var sb = new StringBuilder(baseIri.Length + reference.Length);
        sb.Append(b.Scheme).Append(':');
        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (r.Fragment is not null)
        {
            sb.Append('#').Append(r.Fragment);
        }

        return sb.ToString();
    }

    private static string RemoveDotsInAbsolute(string iri)
    {
        if (!iri.Contains("/.", StringComparison.Ordinal))
        {
            return iri;
        }

        var p = Parts.Parse(iri);
        var sb = new StringBuilder(iri.Length);
        sb.Append(p.Scheme).Append(':');
        if (p.Authority is not null)
        {
            sb.Append("//").Append(p.Authority);
        }

        sb.Append(RemoveDotSegments(p.Path));
        if (p.Query is not null)
        {
            sb.Append('?').Append(p.Query);
        }

        if (p.Fragment is not null)
        {
            sb.Append('#').Append(p.Fragment);
        }

        return sb.ToString();
    }

    // RFC 3986 §5.2.3
    private static string Merge(Parts b, string refPath)
    {
        if (b.Authority is not null && b.Path.Length == 0)
        {
            return "/" + refPath;
        }

        var slash = b.Path.LastIndexOf('/');
        return slash < 0 ? refPath : string.Concat(b.Path.AsSpan(0, slash + 1), refPath);
    }

    // RFC 3986 §5.2.4
    internal static string RemoveDotSegments(string input)
    {
        if (input.Length == 0 || (!input.Contains('.', StringComparison.Ordinal)))
        {
            return input;
        }

        var output = new List<string>();
        var s = input;
        var sb = new StringBuilder();
        while (s.Length > 0)
        {
            if (s.StartsWith("../", StringComparison.Ordinal))
            {
                s = s[3..];
            }
            else if (s.StartsWith("./", StringComparison.Ordinal))
            {
                s = s[2..];
            }
            else if (s.StartsWith("/./", StringComparison.Ordinal))
            {
                s = s[2..];
            }
            else if (s == "/.")
            {
                s = "/";
            }
            else if (s.StartsWith("/../", StringComparison.Ordinal))
            {
                s = s[3..];
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (s == "/..")
            {
                s = "/";
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (s is "." or "..")
            {
                s = string.Empty;
            }
            else
            {
                var start = s[0] == '/' ? 1 : 0;
                var next = s.IndexOf('/', start);
                if (next < 0)
                {
                    next = s.Length;
                }

                output.Add(s[..next]);
                s = s[next..];
            }
        }

        foreach (var seg in output)
        {
            sb.Append(seg);
        }

        return sb.ToString();
    }

    private readonly record struct Parts(string? Scheme, string? Authority, string Path, string? Query, string? Fragment)
    {
        // RFC 3986 Appendix B, written out without a regex.
        public static Parts Parse(string s)
        {
            string? scheme = null, authority = null, query = null, fragment = null;
            var hash = s.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                fragment = s[(hash + 1)..];
                s = s[..hash];
            }

            var q = s.IndexOf('?', StringComparison.Ordinal);
            if (q >= 0)
            {
                query = s[(q + 1)..];
                s = s[..q];
            }

            if (IsAbsolute(s))
            {
                var colon = s.IndexOf(':', StringComparison.Ordinal);
                scheme = s[..colon];
                s = s[(colon + 1)..];
            }

            if (s.StartsWith("//", StringComparison.Ordinal))
            {
                var end = s.IndexOf('/', 2);
                if (end < 0)
                {
                    end = s.Length;
                }

                authority = s[2..end];
                s = s[end..];
            }

            return new Parts(scheme, authority, s, query, fragment);
        }
    }
}
