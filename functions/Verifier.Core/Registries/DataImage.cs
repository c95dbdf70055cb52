namespace Verifier.Core.Registries;

/// <summary>
/// Registry logos are passed on only as small <c>data:</c> images: a page that showed a logo from a URL would load
/// it from whatever host the registry (or, through a forged entry, anyone) chose, which the page's CSP forbids and a
/// tracker would love. SVG is left out: it is a document, not a picture.
/// </summary>
internal static class DataImage
{
    public const int MaxChars = 64 * 1024;

    private static readonly string[] Prefixes =
        ["data:image/png;base64,", "data:image/jpeg;base64,", "data:image/gif;base64,", "data:image/webp;base64,"];

    public static string? OrNull(string? uri)
    {
        if (uri is null || uri.Length > MaxChars)
        {
            return null;
        }

        foreach (var prefix in Prefixes)
        {
            if (uri.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return IsBase64(uri.AsSpan(prefix.Length)) ? uri : null;
            }
        }

        return null;
    }

    private static bool IsBase64(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text.EndsWith("==") ? 2 : text.EndsWith("=") ? 1 : 0;
        foreach (var c in text[..^padding])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return false;
            }
        }

        return true;
    }
}
