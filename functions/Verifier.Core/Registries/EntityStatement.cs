using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Crypto;
using Verifier.Core.Input;
using Verifier.Core.Keys;

namespace Verifier.Core.Registries;

/// <summary>
/// An OpenID Federation entity statement (OpenID Federation 1.0 §3): a compact JWS with <c>typ</c>
/// <c>entity-statement+jwt</c> whose payload names an issuer (<c>iss</c>), a subject (<c>sub</c>) and a lifetime
/// (<c>iat</c>, <c>exp</c>). Read here without trusting anything; <see cref="VerifySignatureAsync"/> and
/// <see cref="CheckLifetime"/> decide whether it counts.
/// </summary>
internal sealed class EntityStatement
{
    /// <summary>§3: "Entity Statements … MUST be explicitly typed" with this media type.</summary>
    public const string Typ = "entity-statement+jwt";

    // RFC 7518 names. "none" and HMAC are never accepted: a MAC key would be a secret the registry shares with us.
    private static readonly Dictionary<string, KeyKind> Algorithms = new(StringComparer.Ordinal)
    {
        ["ES256"] = KeyKind.EcP256,
        ["ES384"] = KeyKind.EcP384,
        ["RS256"] = KeyKind.Rsa,
        ["EdDSA"] = KeyKind.Ed25519,
    };

    private static readonly JsonWebTokenHandler Handler = new() { MaximumTokenSizeInBytes = 256 * 1024 };

    private EntityStatement(string jwt, string alg, string kid, JsonElement payload)
    {
        Jwt = jwt;
        Alg = alg;
        Kid = kid;
        Payload = payload;
        Iss = JsonRead.String(payload, "iss");
        Sub = JsonRead.String(payload, "sub");
        Iat = NumericDate(payload, "iat");
        Exp = NumericDate(payload, "exp");
    }

    public string Jwt { get; }

    public string Alg { get; }

    public string Kid { get; }

    /// <summary>The payload (a detached copy: it outlives the parsed document).</summary>
    public JsonElement Payload { get; }

    public string? Iss { get; }

    public string? Sub { get; }

    public DateTimeOffset? Iat { get; }

    public DateTimeOffset? Exp { get; }

    /// <summary>Reads the header and payload; the error says why the text is not an entity statement.</summary>
    public static EntityStatement? Parse(string jwt, out string? error) => Parse(jwt, out error, out _);

    /// <param name="jwt">The compact JWS.</param>
    /// <param name="error">Why it is refused, or null.</param>
    /// <param name="notAToken">
    /// True when the text is no JWS at all (an error page, an empty body): that is no answer about anyone, unlike a
    /// token whose header breaks the rules.
    /// </param>
    public static EntityStatement? Parse(string jwt, out string? error, out bool notAToken)
    {
        notAToken = true;
        var first = jwt.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : jwt.IndexOf('.', first + 1);
        if (second < 0 || jwt.IndexOf('.', second + 1) >= 0)
        {
            error = "it is not a compact JWS (three base64url parts)";
            return null;
        }

        // Decoded as a VC-JWT's parts are: valid UTF-8, duplicate member names refused.
        using var header = OpenBadges3.VcJwtVerifier.DecodeJson(jwt[..first]);
        using var payload = OpenBadges3.VcJwtVerifier.DecodeJson(jwt[(first + 1)..second]);
        if (header is not { RootElement.ValueKind: JsonValueKind.Object } || payload is not { RootElement.ValueKind: JsonValueKind.Object })
        {
            error = "its header or payload is not a base64url-encoded JSON object";
            return null;
        }

        notAToken = false;

        var h = header.RootElement;
        var alg = JsonRead.String(h, "alg");
        if (alg is null || !Algorithms.ContainsKey(alg))
        {
            error = alg is null ? "its header has no alg" : $"alg {alg} is not accepted (ES256, ES384, RS256 and EdDSA are)";
            return null;
        }

        // crit and b64 change what the signature covers; typ says what the token is and is required here (§3).
        error = JoseHeaderRules.Refusal(h, [Typ], "an entity statement")
            ?? (h.TryGetProperty("typ", out _) ? null : $"its header has no typ (an entity statement is typed {Typ})");
        if (error is not null)
        {
            return null;
        }

        if (JsonRead.String(h, "kid") is not { Length: > 0 } kid)
        {
            error = "its header names no key (kid is required to pick the signer's key from its JWK Set)";
            return null;
        }

        return new EntityStatement(jwt, alg, kid, payload.RootElement.Clone());
    }

    /// <summary>Null when the signature verifies with the key of the header's kid among <paramref name="keys"/>, else why not.</summary>
    public async Task<string?> VerifySignatureAsync(IReadOnlyDictionary<string, KeyMaterial> keys)
    {
        if (!keys.TryGetValue(Kid, out var key))
        {
            return $"its kid {Kid} is not one of the signer's keys";
        }

        // RFC 8725 §3.1: the algorithm must fit the key, or the token would choose the verification primitive.
        if (Algorithms[Alg] != key.Kind)
        {
            return $"alg {Alg} does not fit the key {Kid} ({key.Kind})";
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidateIssuerSigningKey = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [Alg],
            CryptoProviderFactory = AddedAlgorithmsCryptoProviderFactory.Handles(Alg) ? AddedAlgorithmsCryptoProviderFactory.Instance : null,
            IssuerSigningKeyResolver = (_, _, _, _) => [key.Jwk],
        };
        var result = await Handler.ValidateTokenAsync(Jwt, parameters).ConfigureAwait(false);
        return result.IsValid ? null : $"its {Alg} signature does not verify with the key {Kid}";
    }

    /// <summary>Null when the statement is current at <paramref name="now"/> (both times required, §3), else why not.</summary>
    public string? CheckLifetime(DateTimeOffset now, TimeSpan skew)
    {
        if (Iat is not { } iat || Exp is not { } exp)
        {
            return "it lacks iat or exp (both are required)";
        }

        if (iat > now + skew)
        {
            return $"it was issued in the future ({iat:u})";
        }

        return exp <= now - skew ? $"it expired at {exp:u}" : null;
    }

    /// <summary>A string member of an object member of the payload, e.g. metadata.federation_entity.organization_name.</summary>
    public string? Get(params string[] path)
    {
        var e = Payload;
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String ? e.GetString() : null;
    }

    /// <summary>The public keys of a JWK Set (<c>{ "keys": [...] }</c>) by kid; the error says why the set is refused.</summary>
    public static Dictionary<string, KeyMaterial>? ReadJwks(JsonElement jwks, out string? error)
    {
        error = null;
        if (jwks.ValueKind != JsonValueKind.Object || !jwks.TryGetProperty("keys", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            error = "its jwks is not a JWK Set";
            return null;
        }

        var keys = new Dictionary<string, KeyMaterial>(StringComparer.Ordinal);
        foreach (var jwk in list.EnumerateArray())
        {
            if (KeyMaterial.HasPrivateMembers(jwk))
            {
                error = "its jwks holds private key material";
                return null;
            }

            var (material, status, why) = KeyMaterial.FromJwk(jwk);
            if (material is null && status == KeyResolutionStatus.Unsupported)
            {
                continue; // a key of a type we do not verify with signs nothing we accept
            }

            if (material is null || JsonRead.String(jwk, "kid") is not { Length: > 0 } kid || !keys.TryAdd(kid, material))
            {
                error = material is null ? $"a key of its jwks is unusable: {why}" : "a key of its jwks has no kid, or a kid used twice";
                return null;
            }

            material.Jwk.KeyId = kid; // IdentityModel misreports a bad signature as a kid mismatch without one
        }

        if (keys.Count == 0)
        {
            error = "its jwks holds no usable key";
            return null;
        }

        return keys;
    }

    /// <summary>The members that make a public key what it is (RFC 7638's spirit), to compare a pinned key with a published one.</summary>
    public static string Fingerprint(KeyMaterial key) =>
        string.Join('|', key.Jwk.Kty, key.Jwk.Crv, key.Jwk.X, key.Jwk.Y, key.Jwk.N, key.Jwk.E);

    /// <summary>RFC 7519 §2 NumericDate: seconds since the epoch, possibly with a fraction; out-of-range values count as absent.</summary>
    private static DateTimeOffset? NumericDate(JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var seconds)
            && seconds is >= 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds))
            : null;
}
