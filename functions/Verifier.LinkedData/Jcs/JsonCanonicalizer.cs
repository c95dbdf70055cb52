using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Verifier.LinkedData.Jcs;

/// <summary>
/// JSON Canonicalization Scheme (RFC 8785): properties sorted by UTF-16 code units (§3.2.3), no whitespace,
/// strings with the minimal ECMAScript escaping (§3.2.2.2), numbers in ECMAScript form (§3.2.2.3).
/// </summary>
public static class JsonCanonicalizer
{
    /// <summary>Bound on nesting: hostile input must fail fast, not blow the stack.</summary>
    public const int MaxDepth = 256;

    public static string Canonicalize(JsonElement element)
    {
        var sb = new StringBuilder(256);
        Write(sb, element, 0);
        return sb.ToString();
    }

    /// <summary>The canonical form as UTF-8 bytes (what RFC 8785 hashes and signs).</summary>
    public static byte[] CanonicalizeToUtf8(JsonElement element) => Encoding.UTF8.GetBytes(Canonicalize(element));

    /// <summary>Parses UTF-8 JSON and canonicalizes it.</summary>
    public static byte[] CanonicalizeToUtf8(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        using var doc = JsonDocument.ParseValue(ref reader);
        return CanonicalizeToUtf8(doc.RootElement);
    }

    internal static void Write(StringBuilder sb, JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("JSON nesting exceeds the canonicalization bound");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var props = new List<JsonProperty>();
                foreach (var p in element.EnumerateObject())
                {
                    props.Add(p);
                }

                // §3.2.3: sort by the UTF-16 code units of the names; ordinal comparison of .NET strings is exactly that.
                props.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                sb.Append('{');
                for (var i = 0; i < props.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteString(sb, props[i].Name);
                    sb.Append(':');
                    Write(sb, props[i].Value, depth + 1);
                }

                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    Write(sb, item, depth + 1);
                }

                sb.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(sb, element.GetString()!);
                break;
            case JsonValueKind.Number:
                sb.Append(EcmaNumber.Format(element.GetDouble()));
                break;
            case JsonValueKind.True:
                sb.Append("true");
                break;
            case JsonValueKind.False:
                sb.Append("false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(BuildEscapeSet());

    private static string BuildEscapeSet()
    {
        var chars = new char[34];
        for (var i = 0; i < 32; i++)
        {
            chars[i] = (char)i;
        }

        chars[32] = '"';
        chars[33] = '\\';
        return new string(chars);
    }

    /// <summary>RFC 8785 §3.2.2.2: escape only '"', '\\' and C0 controls; everything else verbatim.</summary>
    internal static void WriteString(StringBuilder sb, string value)
    {
        sb.Append('"');
        var span = value.AsSpan();
        while (true)
        {
            var i = span.IndexOfAny(NeedsEscape);
            if (i < 0)
            {
                sb.Append(span);
                break;
            }

            sb.Append(span[..i]);
            var c = span[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
            }

            span = span[(i + 1)..];
        }

        sb.Append('"');
    }
}
