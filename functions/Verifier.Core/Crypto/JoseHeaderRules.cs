using System.Text.Json;

namespace Verifier.Core.Crypto;

/// <summary>
/// JWS header parameters that change what the signature means or what the token is, checked to the letter before
/// any key is fetched. Shared by the OB 3.0 VC-JWT verifier (and so the status-list VC-JWT path) and the OB 2.0
/// signed-assertion envelope.
/// </summary>
internal static class JoseHeaderRules
{
    /// <summary>
    /// A VC-JWT's typ: JWT (RFC 7519 §5.1), vc+jwt (VC-JOSE-COSE §3.1.1, "The typ header parameter SHOULD be
    /// vc+jwt"), and the VC media types of its drafts (vc+ld+json+jwt, vc-ld+jwt; vc+ld+jwt from the VC-JWT draft).
    /// </summary>
    public static readonly string[] CredentialTyp = ["jwt", "vc+jwt", "vc+ld+json+jwt", "vc-ld+jwt", "vc+ld+jwt"];

    /// <summary>OB 2.0 signed assertions name no typ of their own: JWT, or JOSE for a generic compact JWS (RFC 7515 §9.2.1).</summary>
    public static readonly string[] Ob2Typ = ["jwt", "jose"];

    /// <summary>The reason the header is refused, or null.</summary>
    /// <param name="header">The JOSE header (a JSON object).</param>
    /// <param name="acceptedTyp">Accepted typ values, lower case, without "application/".</param>
    /// <param name="what">What the token must be, for the message ("a verifiable credential").</param>
    public static string? Refusal(JsonElement header, string[] acceptedTyp, string what)
    {
        // RFC 7515 §4.1.11: "If any of the listed extension Header Parameters are not understood and supported by
        // the recipient, then the JWS is invalid." No extension is implemented here, so any crit is refused; a crit
        // that is not a non-empty array of names is malformed, and refused as well.
        if (header.TryGetProperty("crit", out var crit))
        {
            return IsNameList(crit)
                ? $"the header's crit lists {string.Join(", ", crit.EnumerateArray().Select(n => n.GetString()))}: extensions this verifier does not understand, so the JWS is invalid (RFC 7515 §4.1.11)"
                : "the header's crit is malformed (RFC 7515 §4.1.11: a non-empty array of header parameter names), so the JWS is invalid";
        }

        // RFC 7797 §3: with "b64": false the payload is signed as raw bytes, not as its base64url text; checked
        // the usual way it would be a different signing input. Only the default (absent or true) is accepted.
        if (header.TryGetProperty("b64", out var b64) && b64.ValueKind != JsonValueKind.True)
        {
            return $"the header has b64 {b64.GetRawText()}: unencoded payloads (RFC 7797) are not accepted";
        }

        if (header.TryGetProperty("typ", out var typ))
        {
            if (typ.ValueKind != JsonValueKind.String)
            {
                return "the header's typ is not a string (RFC 7515 §4.1.9)";
            }

            var value = typ.GetString()!;
            if (!IsAccepted(value, acceptedTyp))
            {
                return $"typ {value} says this token is something other than {what} (accepted: absent, {string.Join(", ", acceptedTyp)})";
            }
        }

        return null;
    }

    /// <summary>
    /// RFC 7515 §4.1.9: a typ without '/' is read with "application/" in front, and media type names compare
    /// case-insensitively (RFC 6838 §4.2). Parameters (";...") are not accepted.
    /// </summary>
    public static bool IsAccepted(string typ, string[] accepted)
    {
        var name = typ.StartsWith("application/", StringComparison.OrdinalIgnoreCase) ? typ["application/".Length..] : typ;
        foreach (var candidate in accepted)
        {
            if (Recipients.AsciiCase.EqualsIgnoreCase(name, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameList(JsonElement crit)
    {
        if (crit.ValueKind != JsonValueKind.Array || crit.GetArrayLength() == 0)
        {
            return false;
        }

        foreach (var name in crit.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(name.GetString()))
            {
                return false;
            }
        }

        return true;
    }
}
