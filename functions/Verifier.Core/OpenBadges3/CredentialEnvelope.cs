using System.Text.Json;
using Verifier.Core.Images;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// VCDM 2.0 §4.13 / VC-JOSE-COSE §3.2 <c>EnvelopedVerifiableCredential</c>: a JSON-LD shell whose <c>id</c> is a data:
/// URL carrying the secured credential — here a VC-JWT (<c>application/vc+jwt</c>, or the earlier
/// <c>application/vc-ld+jwt</c>). The shell is not signed and says nothing itself: only the token inside is verified,
/// and nothing of the shell reaches the report. SD-JWT and COSE envelopes are named as not supported.
/// </summary>
internal static class CredentialEnvelope
{
    public const string Type = "EnvelopedVerifiableCredential";

    /// <summary>As large as a VC-JWT may be anywhere else (VcJwtVerifier's token size cap).</summary>
    private const int MaxTokenBytes = 4 * 1024 * 1024;

    /// <summary>Whether the document declares itself an envelope (its type names EnvelopedVerifiableCredential).</summary>
    public static bool IsEnvelope(JsonElement root) => Credential.Strings(root, "type").Contains(Type);

    /// <summary>The compact VC-JWT the envelope carries, or why it carries none this verifier reads.</summary>
    public static (string? Jwt, string? Problem) Open(JsonElement root)
    {
        if (root.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.String)
        {
            return (null, "its id is not a string (a data: URL holding the credential)");
        }

        var id = Credential.Str(root, "id");
        var mediaType = id is null ? null : DataUri.MediaType(id);
        if (mediaType is null)
        {
            return (null, "its id must be a data: URL holding the secured credential");
        }

        switch (mediaType)
        {
            case "application/vc+jwt" or "application/vc-ld+jwt":
                break;
            case "application/vc+sd-jwt" or "application/dc+sd-jwt":
                return (null, $"it carries an SD-JWT ({mediaType}): SD-JWT VC credentials are not supported by this verifier yet");
            case "application/vc+cose" or "application/vc-ld+cose":
                return (null, $"it carries a COSE-secured credential ({mediaType}), which this verifier does not read");
            default:
                return (null, $"its data: URL holds {(mediaType.Length == 0 ? "no media type" : mediaType)}, not a VC-JWT (application/vc+jwt)");
        }

        if (DataUri.Decode(id!, MaxTokenBytes) is not { } bytes)
        {
            return (null, "its data: URL cannot be decoded (bad base64, or larger than a token may be)");
        }

        var data = System.Text.Encoding.UTF8.GetString(bytes).Trim();
        return Input.PayloadClassifier.LooksLikeCompactJws(data)
            ? (data, null)
            : (null, "its data: URL does not hold a compact JWS");
    }
}
