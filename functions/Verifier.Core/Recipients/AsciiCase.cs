namespace Verifier.Core.Recipients;

/// <summary>
/// Case folding in ASCII only. <c>StringComparison.OrdinalIgnoreCase</c>, <c>ToLowerInvariant</c> and
/// <c>System.Uri</c> apply Unicode case mappings, which send look-alikes into ASCII (ToLowerInvariant turns the
/// Kelvin sign U+212A into "k"), so a recipient "\u212Aim@example.org" would match "kim@example.org". Here only A–Z
/// and a–z fold; every other character compares by its code point.
/// </summary>
internal static class AsciiCase
{
    public static bool EqualsIgnoreCase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && ToLower(a[i]) != ToLower(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lower-cases A–Z only; every other character, ASCII or not, is kept as it is.</summary>
    public static string ToLower(string value)
    {
        var i = value.AsSpan().IndexOfAnyInRange('A', 'Z');
        if (i < 0)
        {
            return value;
        }

        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                span[j] = ToLower(source[j]);
            }
        });
    }

    private static char ToLower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
