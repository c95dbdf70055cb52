using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Input;

namespace Verifier.Core.Keys;

/// <summary>A public key read from a JWK or a multibase/multicodec encoding, already checked to be usable.</summary>
internal sealed record KeyMaterial(KeyKind Kind, JsonWebKey Jwk, byte[]? Raw)
{
    /// <summary>
    /// The largest RSA public exponent accepted, in bytes (64 bits, OpenSSL's own bound for moduli above 3072 bits;
    /// real keys use 65537). Verification time grows with the exponent's length: a 3072-bit exponent made one
    /// verification 85 times slower (5.8 ms against 0.07 ms), a cost a hostile key would pay out of our CPU.
    /// </summary>
    private const int MaxRsaExponentBytes = 8;

    public const string RsaExponentTooLarge = "the RSA public exponent is longer than 64 bits (real keys use 65537)";

    /// <summary>Whether a big-endian RSA public exponent is longer than <see cref="MaxRsaExponentBytes"/> (leading zeros aside).</summary>
    public static bool IsRsaExponentTooLong(ReadOnlySpan<byte> exponent) => exponent.TrimStart((byte)0).Length > MaxRsaExponentBytes;

    // RFC 7518 §6.2.2 / §6.3.2 and RFC 8037 §2: members that only a private (or symmetric) key has.
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

    public ResolvedKey ToResolved(string id, string? controller, bool? listedForAssertion, KeySource source = KeySource.KeyDocument, Uri? documentUrl = null)
    {
        Jwk.KeyId = id;
        return new ResolvedKey
        {
            Id = id,
            Kind = Kind,
            Jwk = Jwk,
            PublicKeyBytes = Raw,
            Controller = controller,
            ListedForAssertion = listedForAssertion,
            Source = source,
            DocumentUrl = documentUrl,
        };
    }

    /// <summary>True when a JWK object carries private or symmetric key material (never acceptable as a public key).</summary>
    public static bool HasPrivateMembers(JsonElement jwk) =>
        jwk.ValueKind == JsonValueKind.Object && PrivateMembers.Any(m => jwk.TryGetProperty(m, out _));

    /// <summary>Reads a public JWK; the error says why it is unusable (private part, unknown curve, off-curve point…).</summary>
    public static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromJwk(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object)
        {
            return (null, KeyResolutionStatus.Invalid, "the JWK is not a JSON object");
        }

        if (HasPrivateMembers(jwk))
        {
            return (null, KeyResolutionStatus.Invalid, "the JWK contains private or symmetric key material");
        }

        var kty = JsonRead.String(jwk, "kty");
        var crv = JsonRead.String(jwk, "crv");
        try
        {
            switch (kty)
            {
                case "RSA":
                    var n = Base64UrlEncoder.DecodeBytes(JsonRead.String(jwk, "n") ?? string.Empty);
                    var e = Base64UrlEncoder.DecodeBytes(JsonRead.String(jwk, "e") ?? string.Empty);
                    if (n.Length < 256 || e.Length == 0)
                    {
                        return (null, KeyResolutionStatus.Invalid, "RSA keys shorter than 2048 bits are not accepted");
                    }

                    if (IsRsaExponentTooLong(e))
                    {
                        return (null, KeyResolutionStatus.Invalid, RsaExponentTooLarge);
                    }

                    return (new KeyMaterial(KeyKind.Rsa, new JsonWebKey { Kty = "RSA", N = Base64UrlEncoder.Encode(n), E = Base64UrlEncoder.Encode(e) }, null), KeyResolutionStatus.Resolved, null);
                case "EC" when EcCurve.OfJwk(crv) is { } curve:
                    var x = Base64UrlEncoder.DecodeBytes(JsonRead.String(jwk, "x") ?? string.Empty);
                    var y = Base64UrlEncoder.DecodeBytes(JsonRead.String(jwk, "y") ?? string.Empty);
                    return FromEc(curve, x, y);
                case "OKP" when crv == "Ed25519":
                    return FromEd25519(Base64UrlEncoder.DecodeBytes(JsonRead.String(jwk, "x") ?? string.Empty));
                case null:
                    return (null, KeyResolutionStatus.Invalid, "the JWK has no kty");
                default:
                    return (null, KeyResolutionStatus.Unsupported, $"key type {kty}{(crv is null ? string.Empty : "/" + crv)} is not supported (RSA, EC P-256/P-384/secp256k1 and OKP Ed25519 are)");
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return (null, KeyResolutionStatus.Invalid, "the JWK has a member that is not base64url");
        }
    }

    /// <summary>Reads a Multikey / did:key value: multibase base58btc of a multicodec-prefixed public key.</summary>
    public static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromMultibase(string? value)
    {
        var bytes = Multibase.Decode(value);
        if (bytes is null)
        {
            return (null, KeyResolutionStatus.Invalid, value?.Length > Multibase.MaxBase58Chars
                ? $"the key is {value.Length} characters long, longer than any public key ({Multibase.MaxBase58Chars} at most)"
                : "the key is not valid multibase");
        }

        if (Multicodec.JwkJcs(bytes) is { } json)
        {
            return FromJwkJson(json);
        }

        var split = Multicodec.Split(bytes);
        if (split is null)
        {
            return (null, KeyResolutionStatus.Unsupported, "the multicodec key type is not supported (Ed25519, P-256, P-384, secp256k1 and jwk_jcs-pub are)");
        }

        var (kind, key) = split.Value;
        if (kind == KeyKind.Ed25519)
        {
            return FromEd25519(key);
        }

        return FromSec1(kind, key);
    }

    /// <summary>
    /// The UTF-8 JWK of a jwk_jcs-pub did:key (EBSI's key DID method, also made by walt.id and Sphereon): read as any
    /// JWK (a private member refuses it). The bytes are kept as they are: the DID string, not a re-canonicalized key,
    /// is what binding compares with the issuer.
    /// </summary>
    private static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromJwkJson(ReadOnlySpan<byte> json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { AllowDuplicateProperties = false });
            return FromJwk(doc.RootElement);
        }
        catch (JsonException)
        {
            return (null, KeyResolutionStatus.Invalid, "the jwk_jcs-pub key is not a JSON JWK");
        }
    }

    /// <summary>A SEC 1 encoded point (compressed or uncompressed) on the curve of <paramref name="kind"/>.</summary>
    public static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromSec1(KeyKind kind, ReadOnlySpan<byte> key)
    {
        var point = EcPoint.Decompress(kind, key);
        return point is null || EcCurve.Of(kind) is not { } curve
            ? (null, KeyResolutionStatus.Invalid, "the EC key is not a point on its curve")
            : FromEc(curve, point.Value.X, point.Value.Y);
    }

    /// <summary>Ed25519VerificationKey2018-style raw base58 keys without a multibase prefix or multicodec header.</summary>
    public static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromEd25519(byte[] raw) =>
        raw.Length == 32
            ? (new KeyMaterial(KeyKind.Ed25519, new JsonWebKey { Kty = "OKP", Crv = "Ed25519", X = Base64UrlEncoder.Encode(raw) }, raw), KeyResolutionStatus.Resolved, null)
            : (null, KeyResolutionStatus.Invalid, "an Ed25519 public key is 32 bytes");

    private static (KeyMaterial? Key, KeyResolutionStatus Status, string? Error) FromEc(EcCurve curve, byte[] x, byte[] y)
    {
        if (x.Length != curve.Size || y.Length != curve.Size)
        {
            return (null, KeyResolutionStatus.Invalid, "the EC coordinates have the wrong length");
        }

        try
        {
            // Importing validates that the point is on the curve (an invalid-curve attack starts with one that is not).
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Curve, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return (null, KeyResolutionStatus.Invalid, "the EC key is not a point on its curve");
        }
        catch (PlatformNotSupportedException)
        {
            // secp256k1 needs OpenSSL (Linux, where the service runs); Windows CNG and macOS do not offer the curve.
            return (null, KeyResolutionStatus.Unsupported, $"the curve {curve.Crv} is not available on this platform");
        }

        var jwk = new JsonWebKey { Kty = "EC", Crv = curve.Crv, X = Base64UrlEncoder.Encode(x), Y = Base64UrlEncoder.Encode(y) };
        return (new KeyMaterial(curve.Kind, jwk, [0x04, .. x, .. y]), KeyResolutionStatus.Resolved, null);
    }
}
