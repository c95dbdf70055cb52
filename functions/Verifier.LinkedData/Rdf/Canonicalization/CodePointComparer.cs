namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>
/// Orders strings by Unicode code point, as RDFC-1.0 requires for sorting N-Quads (§4.3, "code point order").
/// Ordinal UTF-16 order differs only where a surrogate pair (U+10000 and above) meets U+E000–U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var i = x.AsSpan().CommonPrefixLength(y);
        if (i == x.Length || i == y.Length)
        {
            return x.Length - y.Length;
        }

        return Fix(x[i]) - Fix(y[i]);
    }

    // Surrogates (D800–DFFF) stand for code points above FFFF: move them above E000–FFFF.
    private static int Fix(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
