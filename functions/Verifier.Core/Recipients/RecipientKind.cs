namespace Verifier.Core.Recipients;

/// <summary>
/// What kind of identifier a value is: read from the value's own syntax for the caller's expected recipient, and
/// from the badge's declared identity type for the badge's side. Only identifiers of comparable kinds are compared
/// (<see cref="RecipientMatcher.Comparable"/>): an e-mail address never matches a telephone number, however similar
/// their characters.
/// </summary>
public enum RecipientKind
{
    /// <summary><c>mailto:</c> or local@domain with no URI scheme.</summary>
    Email,

    /// <summary>An absolute http or https URL.</summary>
    Url,

    /// <summary><c>tel:</c> or an E.164-like number: optional leading +, digits and the separators space - . ( ).</summary>
    Telephone,

    /// <summary><c>did:method:…</c> (DID Core §3.1).</summary>
    Did,

    /// <summary>
    /// Anything else. On the badge's side: an opaque identifier (OB 3.0 sourcedId, userName, accountId, studentId
    /// extensions, …) compared exactly as written.
    /// </summary>
    Other,
}

/// <summary>Reads an identifier's kind from its syntax and names kinds in messages.</summary>
internal static class RecipientSyntax
{
    /// <summary>The kind of the caller's expected value, read from its own syntax (trimmed first).</summary>
    public static RecipientKind Classify(string value)
    {
        var t = value.Trim();
        if (IsDid(t))
        {
            return RecipientKind.Did;
        }

        if (HasScheme(t, "mailto"))
        {
            return RecipientKind.Email;
        }

        if (HasScheme(t, "tel"))
        {
            // RFC 3966 allows visual separators only; "tel:1-800-FLOWERS" names no number this verifier can compare.
            return IsPhoneNumber(t.AsSpan(4)) ? RecipientKind.Telephone : RecipientKind.Other;
        }

        if (UrlIdentity.TryParse(t, out _))
        {
            return RecipientKind.Url;
        }

        if (IsBareEmail(t))
        {
            return RecipientKind.Email;
        }

        return IsPhoneNumber(t) ? RecipientKind.Telephone : RecipientKind.Other;
    }

    /// <summary>"an e-mail address", "a URL", … for report messages.</summary>
    public static string Describe(RecipientKind kind) => kind switch
    {
        RecipientKind.Email => "an e-mail address",
        RecipientKind.Url => "a URL",
        RecipientKind.Telephone => "a telephone number",
        RecipientKind.Did => "a DID",
        _ => "an opaque identifier",
    };

    /// <summary>
    /// DID Core §3.1: "did:" + method-name (lowercase ASCII letters and digits) + ":" + a method-specific id. The
    /// scheme and method name MUST be lowercase, so "DID:Example:1" is not a DID.
    /// </summary>
    public static bool IsDid(ReadOnlySpan<char> value)
    {
        if (!value.StartsWith("did:", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value[4..];
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        foreach (var c in rest[..colon])
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !ContainsWhiteSpaceOrControl(rest);
    }

    /// <summary>
    /// E.164-like: an optional leading +, then digits and only the visual separators space - . ( ), with at least
    /// five digits. Letters (vanity numbers), '@' or anything else make it not a telephone number.
    /// </summary>
    public static bool IsPhoneNumber(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.StartsWith('+'))
        {
            value = value[1..];
        }

        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return digits >= 5;
    }

    /// <summary>The scheme followed by ':' at the start, compared ASCII-case-insensitively (RFC 3986 §3.1).</summary>
    public static bool HasScheme(ReadOnlySpan<char> value, string scheme) =>
        value.Length > scheme.Length && value[scheme.Length] == ':' && AsciiCase.EqualsIgnoreCase(value[..scheme.Length], scheme);

    /// <summary>
    /// local@domain, split at the last '@', both parts non-empty, no white space, and no URI scheme in front (so
    /// "user:x@host" and "https://a@b" are not addresses).
    /// </summary>
    private static bool IsBareEmail(ReadOnlySpan<char> value)
    {
        var at = value.LastIndexOf('@');
        return at > 0 && at < value.Length - 1 && !ContainsWhiteSpaceOrControl(value) && !StartsWithScheme(value[..at]);
    }

    /// <summary>RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.</summary>
    private static bool StartsWithScheme(ReadOnlySpan<char> value)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        foreach (var c in value[1..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsWhiteSpaceOrControl(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
