using System.Security.Cryptography;
using System.Text;

namespace Verifier.Core.Recipients;

/// <summary>What kind of identifier a caller gave as the expected recipient.</summary>
public enum RecipientKind
{
    Email,
    Url,
    Telephone,
    Other,
}

/// <summary>
/// Matches an expected recipient (what the caller knows: an e-mail, URL or telephone number) against a badge's
/// recipient identity, plain or hashed. OB 2.0 IdentityHash: "sha256$" or "md5$" + hex of hash(identity + salt),
/// hex in either case (Primitive datatypes, IdentityHash). Shared by the OB 2.0 and OB 3.0 verifiers.
/// </summary>
public static class RecipientMatcher
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>True when <paramref name="expected"/> is the recipient the badge names.</summary>
    public static bool Matches(string expected, string identity, bool hashed, string? salt) =>
        Matches(expected, Classify(expected), identity, hashed, salt);

    public static bool Matches(string expected, RecipientKind kind, string identity, bool hashed, string? salt)
    {
        if (string.IsNullOrWhiteSpace(expected) || string.IsNullOrEmpty(identity))
        {
            return false;
        }

        expected = expected.Trim();
        if (!hashed)
        {
            return PlainEquals(expected, identity.Trim(), kind);
        }

        if (!TrySplitHash(identity, out var algorithm, out var hex))
        {
            return false;
        }

        foreach (var candidate in Candidates(expected, kind))
        {
            if (HashEquals(candidate, salt ?? string.Empty, algorithm, hex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"sha256$" + 64 hex or "md5$" + 32 hex, hex in either case.</summary>
    public static bool IsIdentityHash(string identity) => TrySplitHash(identity, out _, out _);

    public static RecipientKind Classify(string expected)
    {
        var t = expected.Trim();
        if (t.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || (t.Contains('@', StringComparison.Ordinal) && !t.Contains("://", StringComparison.Ordinal)))
        {
            return RecipientKind.Email;
        }

        if (Uri.TryCreate(t, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return RecipientKind.Url;
        }

        if (t.StartsWith("tel:", StringComparison.OrdinalIgnoreCase) || IsPhoneLike(t))
        {
            return RecipientKind.Telephone;
        }

        return RecipientKind.Other;
    }

    /// <summary>
    /// The forms of the expected value an issuer may have hashed. E-mail addresses are compared case-insensitively:
    /// the 2.0 text does not fix a case, issuers commonly lower-case before hashing, and the reference validator
    /// hashes the profile value as given — so both the given and the lower-cased forms are tried.
    /// </summary>
    private static IEnumerable<string> Candidates(string expected, RecipientKind kind)
    {
        switch (kind)
        {
            case RecipientKind.Email:
                var email = StripPrefix(expected, "mailto:");
                yield return email;
                var lower = email.ToLowerInvariant();
                if (!string.Equals(lower, email, StringComparison.Ordinal))
                {
                    yield return lower;
                }

                break;
            case RecipientKind.Telephone:
                var tel = StripPrefix(expected, "tel:");
                yield return tel;
                var normalized = NormalizePhone(tel);
                if (!string.Equals(normalized, tel, StringComparison.Ordinal))
                {
                    yield return normalized;
                }

                break;
            default:
                yield return expected;
                break;
        }
    }

    private static bool PlainEquals(string expected, string identity, RecipientKind kind) => kind switch
    {
        RecipientKind.Email => string.Equals(StripPrefix(expected, "mailto:"), StripPrefix(identity, "mailto:"), StringComparison.OrdinalIgnoreCase),
        RecipientKind.Telephone => string.Equals(NormalizePhone(StripPrefix(expected, "tel:")), NormalizePhone(StripPrefix(identity, "tel:")), StringComparison.Ordinal),
        RecipientKind.Url => Uri.TryCreate(identity, UriKind.Absolute, out var b) && Uri.TryCreate(expected, UriKind.Absolute, out var a)
            ? a.Equals(b) // scheme and host compare case-insensitively; path stays case-sensitive
            : string.Equals(expected, identity, StringComparison.Ordinal),
        _ => string.Equals(expected, identity, StringComparison.Ordinal),
    };

    private static bool TrySplitHash(string identity, out HashAlgorithmName algorithm, out string hex)
    {
        algorithm = default;
        hex = string.Empty;
        var dollar = identity.IndexOf('$', StringComparison.Ordinal);
        if (dollar <= 0)
        {
            return false;
        }

        var name = identity[..dollar];
        hex = identity[(dollar + 1)..];
        int length;
        if (name.Equals("sha256", StringComparison.OrdinalIgnoreCase))
        {
            (algorithm, length) = (HashAlgorithmName.SHA256, 64);
        }
        else if (name.Equals("md5", StringComparison.OrdinalIgnoreCase))
        {
            (algorithm, length) = (HashAlgorithmName.MD5, 32);
        }
        else
        {
            return false;
        }

        return hex.Length == length && !hex.AsSpan().ContainsAnyExcept(HexDigits);
    }

    private static bool HashEquals(string value, string salt, HashAlgorithmName algorithm, string hex)
    {
        var input = Encoding.UTF8.GetBytes(value + salt);
        Span<byte> digest = stackalloc byte[32];
#pragma warning disable CA5351 // MD5 is mandated by OB 2.0 IdentityHash for legacy recipients; it is compared, never used for security.
        var written = algorithm == HashAlgorithmName.MD5 ? MD5.HashData(input, digest) : SHA256.HashData(input, digest);
#pragma warning restore CA5351
        Span<byte> expected = stackalloc byte[written];
        if (Convert.FromHexString(hex, expected, out _, out var decoded) != System.Buffers.OperationStatus.Done || decoded != written)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(digest[..written], expected);
    }

    private static string StripPrefix(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? value[prefix.Length..] : value;

    /// <summary>E.164 is the recommended form (Profile telephone): keep the leading + and digits only.</summary>
    private static string NormalizePhone(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && sb.Length == 0))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsPhoneLike(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('+' or ' ' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        return digits >= 5;
    }
}
