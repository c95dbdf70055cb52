using System.Security.Cryptography;
using System.Text;

namespace Verifier.Core.Recipients;

/// <summary>The answer to "is the badge's recipient the expected one?".</summary>
public enum RecipientMatch
{
    Match,

    /// <summary>Same kind of identifier, different value (or a malformed hash).</summary>
    NoMatch,

    /// <summary>Identifiers of different kinds: never compared (an e-mail address is not a telephone number).</summary>
    KindMismatch,
}

/// <summary>
/// Matches an expected recipient (what the caller knows) against a badge's recipient identity, plain or hashed,
/// comparing like with like. OB 2.0 IdentityHash: "sha256$" or "md5$" + hex of hash(identity + salt), hex in either
/// case (Primitive datatypes, IdentityHash); OB 3.0 §8.5 "Verify the Recipient Using an Identifier": an identifier
/// whose identityType does not match the known identifier's type is skipped. Shared by both verifiers.
/// </summary>
internal static class RecipientMatcher
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>
    /// Same kind, or an opaque badge identifier (OB 3.0 sourcedId, studentId, …) against an expected value that is
    /// opaque or merely looks like a number: a student number "20231234" reads as a telephone number, and OB 3.0 has
    /// no telephone type a number could be confused with. E-mail addresses, URLs and DIDs never match opaque ones.
    /// </summary>
    public static bool Comparable(RecipientKind expected, RecipientKind identity) =>
        expected == identity || (identity == RecipientKind.Other && expected == RecipientKind.Telephone);

    /// <summary>Compares <paramref name="expected"/> (its kind read from its syntax) with a badge identity of <paramref name="identityKind"/>.</summary>
    public static RecipientMatch Compare(string expected, RecipientKind identityKind, string identity, bool hashed, string? salt)
    {
        if (string.IsNullOrWhiteSpace(expected) || string.IsNullOrEmpty(identity))
        {
            return RecipientMatch.NoMatch;
        }

        expected = expected.Trim();
        var expectedKind = RecipientSyntax.Classify(expected);
        if (!Comparable(expectedKind, identityKind))
        {
            return RecipientMatch.KindMismatch;
        }

        if (!hashed)
        {
            return PlainEquals(expected, identity.Trim(), identityKind) ? RecipientMatch.Match : RecipientMatch.NoMatch;
        }

        if (!TrySplitHash(identity.Trim(), out var algorithm, out var hex))
        {
            return RecipientMatch.NoMatch;
        }

        foreach (var candidate in Candidates(expected, identityKind))
        {
            if (HashEquals(candidate, salt ?? string.Empty, algorithm, hex))
            {
                return RecipientMatch.Match;
            }
        }

        return RecipientMatch.NoMatch;
    }

    /// <summary>"sha256$" + 64 hex or "md5$" + 32 hex, hex in either case.</summary>
    public static bool IsIdentityHash(string identity) => TrySplitHash(identity, out _, out _);

    /// <summary>
    /// The forms of the expected value an issuer may have hashed. E-mail: the address as given and its ASCII
    /// lower-case form (the 2.0 text fixes no case and issuers commonly lower-case before hashing), never a Unicode
    /// lower-casing, which would turn the Kelvin sign into "k". Telephone: as given and its E.164 digits. URL: as
    /// given and with scheme and host in ASCII lower case (the path stays as written). Everything else: as given.
    /// </summary>
    private static IEnumerable<string> Candidates(string expected, RecipientKind kind)
    {
        switch (kind)
        {
            case RecipientKind.Email:
                var email = StripScheme(expected, "mailto");
                yield return email;
                var lower = AsciiCase.ToLower(email);
                if (!string.Equals(lower, email, StringComparison.Ordinal))
                {
                    yield return lower;
                }

                break;
            case RecipientKind.Telephone:
                var tel = StripScheme(expected, "tel");
                yield return tel;
                var normalized = NormalizePhone(tel);
                if (!string.Equals(normalized, tel, StringComparison.Ordinal))
                {
                    yield return normalized;
                }

                break;
            case RecipientKind.Url:
                yield return expected;
                var canonical = UrlIdentity.WithLowerSchemeAndHost(expected);
                if (canonical is not null && !string.Equals(canonical, expected, StringComparison.Ordinal))
                {
                    yield return canonical;
                }

                break;
            default:
                yield return expected;
                break;
        }
    }

    private static bool PlainEquals(string expected, string identity, RecipientKind identityKind) => identityKind switch
    {
        RecipientKind.Email => AsciiCase.EqualsIgnoreCase(StripScheme(expected, "mailto"), StripScheme(identity, "mailto")),
        RecipientKind.Telephone => TelephoneEquals(StripScheme(expected, "tel"), StripScheme(identity, "tel")),
        RecipientKind.Url => UrlIdentity.AreEqual(expected, identity),
        _ => string.Equals(expected, identity, StringComparison.Ordinal),
    };

    /// <summary>
    /// Both sides must be telephone numbers (so "15550100@evil.example" is not "15550100"); then the E.164 digits are
    /// compared, keeping the leading '+'. "+15550100" and "15550100" differ: without '+' the number is in some
    /// national form whose country code is unknown, and adding or dropping the '+' would be a guess.
    /// </summary>
    private static bool TelephoneEquals(string expected, string identity) =>
        RecipientSyntax.IsPhoneNumber(expected) && RecipientSyntax.IsPhoneNumber(identity)
        && string.Equals(NormalizePhone(expected), NormalizePhone(identity), StringComparison.Ordinal);

    private static bool TrySplitHash(string identity, out HashAlgorithmName algorithm, out string hex)
    {
        algorithm = default;
        hex = string.Empty;
        var dollar = identity.IndexOf('$', StringComparison.Ordinal);
        if (dollar <= 0)
        {
            return false;
        }

        var name = identity.AsSpan(0, dollar);
        hex = identity[(dollar + 1)..];
        int length;
        if (AsciiCase.EqualsIgnoreCase(name, "sha256"))
        {
            (algorithm, length) = (HashAlgorithmName.SHA256, 64);
        }
        else if (AsciiCase.EqualsIgnoreCase(name, "md5"))
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

    private static string StripScheme(string value, string scheme) =>
        RecipientSyntax.HasScheme(value, scheme) ? value[(scheme.Length + 1)..] : value;

    /// <summary>E.164 is the recommended form (Profile telephone): keep the leading + and the digits only.</summary>
    private static string NormalizePhone(string value)
    {
        var trimmed = value.AsSpan().Trim();
        var sb = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && sb.Length == 0))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
