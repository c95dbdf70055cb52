using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Crypto;
using Verifier.Core.Engine;
using Verifier.Core.Keys;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges3;

/// <summary>What a VC-JWT verification established.</summary>
internal sealed record JwtOutcome(bool SignatureValid, JsonDocument? Payload, JsonElement? Credential, string? KeyId, string? Algorithm, bool? IssuerKeyBound)
{
    /// <summary>How the key is tied to the issuer, when the signature verified.</summary>
    public IssuerBindingResult? Binding { get; init; }
}

/// <summary>
/// Verifies a compact VC-JWT (OB 3.0 §8.2 "JSON Web Token Proof Format"; VC-JOSE-COSE for VCDM 2.0): the header,
/// the key it names, the signature (IdentityModel, with EdDSA and ES256K plugged in), and whether the key is the issuer's.
/// Lifetime, audience and issuer are checked by <see cref="JwtClaimsCheck"/> against the credential, with the
/// engine's clock, so IdentityModel's own validators are off.
/// </summary>
internal sealed class VcJwtVerifier(IKeyResolver keys, IssuerKeyBinder binder)
{
    // RFC 7518 names. "none" and HMAC (HS*) are never accepted: a MAC key would have to be the public key. OB 3.0
    // §8.2.3 requires RS256 and permits others; the RSA family (PKCS#1 v1.5 and PSS) is signed by the same key holder,
    // so admitting RS384/RS512/PS* lets no one but that holder sign. ES256K (RFC 8812) is what secp256k1 issuers
    // (did:ethr, did:ion, some wallets) sign with. ES512 (P-521) is not supported.
    private static readonly Dictionary<string, KeyKind> Algorithms = new(StringComparer.Ordinal)
    {
        ["RS256"] = KeyKind.Rsa,
        ["RS384"] = KeyKind.Rsa,
        ["RS512"] = KeyKind.Rsa,
        ["PS256"] = KeyKind.Rsa,
        ["PS384"] = KeyKind.Rsa,
        ["PS512"] = KeyKind.Rsa,
        ["ES256"] = KeyKind.EcP256,
        ["ES384"] = KeyKind.EcP384,
        ["ES256K"] = KeyKind.EcSecp256k1,
        ["EdDSA"] = KeyKind.Ed25519,
    };

    private static readonly string SupportedList = string.Join(", ", Algorithms.Keys);

    private static readonly string[] IgnoredKeyHeaders = ["jku", "x5u", "x5c"];

    private readonly JsonWebTokenHandler _handler = new() { MaximumTokenSizeInBytes = 4 * 1024 * 1024 };

    // One set of parameters per resolved key (keys are cached by the resolver): building them per token shows up
    // next to a 30 µs RSA verification. The key's kind fixes the algorithms it may be used with (the header's alg was
    // already matched to the key's kind, so listing them all per key admits nothing the check above refused).
    private readonly ConditionalWeakTable<JsonWebKey, TokenValidationParameters> _parameters = new();

    public Task<JwtOutcome> VerifyAsync(string jwt, VerificationContext context, string? subject, CancellationToken cancellationToken) =>
        VerifyAsync(jwt, null, context, subject, cancellationToken);

    /// <param name="jwt">The compact VC-JWT.</param>
    /// <param name="decodedPayload">
    /// The JWT's payload already decoded and parsed exactly as <see cref="DecodeJson"/> would (the input resolver does
    /// that to pick the family), or null. Owned from here on.
    /// </param>
    /// <param name="context">The verification the checks are written to.</param>
    /// <param name="subject">The subject of the checks (e.g. a status list URL), or null for the credential itself.</param>
    /// <param name="cancellationToken">Cancels key resolution.</param>
    internal async Task<JwtOutcome> VerifyAsync(string jwt, JsonDocument? decodedPayload, VerificationContext context, string? subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checks = context.Checks;
        var failed = new JwtOutcome(false, null, null, null, null, null);
        // Three parts, found by index: splitting would copy the whole token (hundreds of KB with an embedded image).
        var first = jwt.IndexOf('.', StringComparison.Ordinal);
        var second = first < 0 ? -1 : jwt.IndexOf('.', first + 1);
        if (second < 0 || jwt.IndexOf('.', second + 1) >= 0)
        {
            decodedPayload?.Dispose();
            checks.Fail(Ob3CheckIds.JwtHeader, "the VC-JWT is not a compact JWS (three base64url parts)", subject);
            return failed;
        }

        using var header = DecodeJson(jwt[..first]);
        var payload = decodedPayload ?? DecodeJson(jwt[(first + 1)..second]);
        if (header is null || header.RootElement.ValueKind != JsonValueKind.Object || payload is null || payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            payload?.Dispose();
            checks.Fail(Ob3CheckIds.JwtHeader, "the VC-JWT header or payload is not a base64url-encoded JSON object", subject);
            return failed;
        }

        var credential = CredentialOf(payload.RootElement, out var refusal);
        if (refusal is not null)
        {
            checks.Fail(Ob3CheckIds.Parse, refusal, subject);
            return failed with { Payload = payload };
        }

        var issuerId = credential is { } c ? new OpenBadges3.Credential(c).IssuerId : null;
        var iss = payload.RootElement.TryGetProperty("iss", out var issValue) && issValue.ValueKind == JsonValueKind.String ? issValue.GetString() : null;
        var (headerOk, alg, kid, kidUrl, headerJwk) = CheckHeader(header.RootElement, iss ?? issuerId, context, subject);
        if (!headerOk)
        {
            return failed with { Payload = payload, Credential = credential };
        }

        ResolvedKey key;
        if (headerJwk is { } embedded)
        {
            var (material, _, error) = KeyMaterial.FromJwk(embedded);
            if (material is null)
            {
                checks.Fail(Ob3CheckIds.JwtKey, $"the header jwk is not a usable public key: {error}", subject);
                return failed with { Payload = payload, Credential = credential, Algorithm = alg };
            }

            key = material.ToResolved("jwk-header", null, null, KeySource.Header);
            checks.Pass(Ob3CheckIds.JwtKey, "the public key is carried in the header (jwk)", subject);
        }
        else
        {
            var resolution = await keys.ResolveAsync(kid!, cancellationToken).ConfigureAwait(false);
            if (resolution.Key is null)
            {
                var message = $"the key {kid} could not be resolved: {resolution.Error}";
                if (resolution.Status == KeyResolutionStatus.Unavailable)
                {
                    checks.Indeterminate(Ob3CheckIds.JwtKey, message, subject);
                }
                else
                {
                    checks.Fail(Ob3CheckIds.JwtKey, message, subject);
                }

                return failed with { Payload = payload, Credential = credential, KeyId = kid, Algorithm = alg };
            }

            key = resolution.Key;
            checks.Pass(Ob3CheckIds.JwtKey, $"resolved the key {kid} ({key.Kind})", subject);
        }

        // RFC 8725 §3.1: the algorithm must fit the key, or an attacker picks the verification primitive.
        if (Algorithms[alg!] != key.Kind)
        {
            checks.Fail(Ob3CheckIds.JwtSignature, $"the algorithm {alg} does not fit the key type {key.Kind}", subject);
            return failed with { Payload = payload, Credential = credential, KeyId = kid, Algorithm = alg };
        }

        var valid = await ValidateSignatureAsync(jwt, alg!, key.Jwk).ConfigureAwait(false);
        if (valid is not null)
        {
            checks.Fail(Ob3CheckIds.JwtSignature, $"the {alg} signature does not verify with {kid ?? "the header jwk"}: {valid}", subject);
            return failed with { Payload = payload, Credential = credential, KeyId = kid, Algorithm = alg };
        }

        checks.Pass(Ob3CheckIds.JwtSignature, $"the {alg} signature verifies with {kid ?? "the header jwk"}", subject);
        var binding = await binder.EvaluateAsync(issuerId, kid, key, iss, cancellationToken).ConfigureAwait(false);
        var bound = IssuerBinding.Report(binding, context, Ob3CheckIds.IssuerKey, subject);
        return new JwtOutcome(true, payload, credential, kid, alg, bound) { Binding = binding };
    }

    /// <summary>Signature validation only: the handler's lifetime, audience and issuer validators are switched off.</summary>
    internal async Task<string?> ValidateSignatureAsync(string jwt, string alg, JsonWebKey key)
    {
        var parameters = _parameters.TryGetValue(key, out var cached) ? cached : AddParameters(key, alg);
        var result = await _handler.ValidateTokenAsync(jwt, parameters).ConfigureAwait(false);
        return result.IsValid ? null : result.Exception switch
        {
            SecurityTokenInvalidSignatureException => "the signature is not valid",
            SecurityTokenInvalidAlgorithmException => "the algorithm is not accepted",
            null => "the token was not accepted",
            var e => e.GetType().Name,
        };
    }

    // Separate from the caller so the lambda's closure is only allocated when the key is new.
    private TokenValidationParameters AddParameters(JsonWebKey key, string alg) => _parameters.GetValue(key, k => Parameters(k, alg));

    private static TokenValidationParameters Parameters(JsonWebKey key, string alg) =>
        new()
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidateIssuerSigningKey = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidAlgorithms = [.. Algorithms.Where(a => a.Value == Algorithms[alg]).Select(a => a.Key)],
            // Only EdDSA and ES256K need the project's provider; the others keep IdentityModel's default factory and its
            // signature-provider cache (a custom factory would import the RSA/EC key again for every token).
            CryptoProviderFactory = AddedAlgorithmsCryptoProviderFactory.Handles(alg) ? AddedAlgorithmsCryptoProviderFactory.Instance : null,
            IssuerSigningKeyResolver = (_, _, _, _) => [key],
        };

    /// <returns>Also the kid parsed as an absolute URL when it is not a DID URL, for the issuer binding.</returns>
    /// <param name="header">The decoded JOSE header.</param>
    /// <param name="issuer">The token's <c>iss</c>, else the credential's issuer id: what a relative kid ("#key-1") is read against.</param>
    /// <param name="context">The verification the checks are written to.</param>
    /// <param name="subject">The subject of the checks.</param>
    private static (bool Ok, string? Alg, string? Kid, Uri? KidUrl, JsonElement? Jwk) CheckHeader(JsonElement header, string? issuer, VerificationContext context, string? subject)
    {
        var checks = context.Checks;
        var alg = Credential.Str(header, "alg");
        if (alg is null || !Algorithms.ContainsKey(alg))
        {
            checks.Fail(Ob3CheckIds.JwtHeader, alg is null ? "the JWT header has no alg"
                : alg.Equals("none", StringComparison.OrdinalIgnoreCase) || alg.StartsWith("HS", StringComparison.Ordinal)
                    ? $"alg {alg} is never accepted (unsigned or MAC tokens prove nothing about the issuer)"
                    : $"alg {alg} is not supported ({SupportedList} are)", subject);
            return (false, alg, null, null, null);
        }

        // crit, b64 and typ change what the signature covers or what the token is: refused before any key is used.
        if (JoseHeaderRules.Refusal(header, JoseHeaderRules.CredentialTyp, "a verifiable credential") is { } refusal)
        {
            checks.Fail(Ob3CheckIds.JwtHeader, refusal, subject);
            return (false, alg, null, null, null);
        }

        var kid = Credential.Str(header, "kid");
        var hasJwk = header.TryGetProperty("jwk", out var jwk);
        if ((kid is null) == !hasJwk)
        {
            checks.Fail(Ob3CheckIds.JwtHeader, kid is null
                ? "the JWT header names no key: it needs kid or jwk (OB 3.0 §8.2.3)"
                : "the JWT header has both kid and jwk: exactly one must name the key", subject);
            return (false, alg, kid, null, null);
        }

        if (hasJwk && KeyMaterial.HasPrivateMembers(jwk))
        {
            checks.Fail(Ob3CheckIds.JwtHeader, "the header jwk contains private key material (such as \"d\"): a JWK MUST never contain \"d\" (OB 3.0 §8.2.3), and this key is exposed", subject);
            return (false, alg, null, null, null);
        }

        // A relative DID URL (DID Core §3.2.2) names a method of the issuer's own document, as Credo and other
        // VC-JWT issuers write it: it is read against iss (VC-JOSE-COSE: iss is the issuer) and then resolved and
        // bound like any absolute kid, so it can only ever name a key the issuer's identity publishes.
        string? relative = null;
        if (kid is not null && kid.StartsWith('#'))
        {
            if (kid.Length == 1 || issuer is null || issuer.Contains('#', StringComparison.Ordinal)
                || !(issuer.StartsWith("did:", StringComparison.Ordinal) || WebIdentity.HttpUrl(issuer) is not null))
            {
                checks.Fail(Ob3CheckIds.JwtHeader, $"kid {kid} is relative, and there is no DID or http(s) issuer to read it against", subject);
                return (false, alg, kid, null, null);
            }

            relative = kid;
            kid = issuer + kid;
        }

        Uri? kidUrl = null;
        if (kid is not null && !kid.StartsWith("did:", StringComparison.Ordinal)
            && (kidUrl = WebIdentity.HttpUrl(kid)) is null)
        {
            checks.Fail(Ob3CheckIds.JwtHeader, $"kid {kid} is neither an http(s) URL nor a DID URL", subject);
            return (false, alg, kid, null, null);
        }

        List<string>? notes = null;
        // Keys named by URL in jku/x5u would let the token choose where its key comes from: never followed.
        foreach (var h in IgnoredKeyHeaders)
        {
            if (header.TryGetProperty(h, out _))
            {
                (notes ??= []).Add($"{h} is ignored (never followed)");
            }
        }

        if (notes is not null)
        {
            checks.Warn(Ob3CheckIds.JwtHeader, $"alg {alg}; " + string.Join("; ", notes), subject);
        }
        else
        {
            checks.Pass(Ob3CheckIds.JwtHeader, $"alg {alg}, key named by {(kid is null ? "jwk" : relative is null ? "kid" : $"kid {relative}, read against the issuer as {kid}")}", subject);
        }

        return (true, alg, kid, kidUrl, hasJwk ? jwk.Clone() : null);
    }

    /// <summary>VCDM 1.1 JWTs carry the credential in the <c>vc</c> claim; VCDM 2.0 (VC-JOSE-COSE) payloads are the credential.</summary>
    /// <returns>The credential, or null when there is none or the payload is refused (see the other overload).</returns>
    public static JsonElement? CredentialOf(JsonElement payload) => CredentialOf(payload, out _);

    /// <summary>
    /// Exactly one credential per token. A presentation (a <c>vp</c> claim, or <c>verifiableCredential</c> at the top)
    /// is not a credential; a <c>vc</c> claim beside a top-level credential (<c>@context</c> or
    /// <c>credentialSubject</c>) is two candidates, and a reader that takes the other one would show a different
    /// badge than the one verified (VC-JOSE-COSE §3.1.1: "The JWT Claim Names vc and vp MUST NOT be present"; VCDM
    /// 1.1 §6.3.1: the vc claim holds the credential as a JSON object).
    /// </summary>
    /// <param name="payload">The decoded JWT payload (a JSON object).</param>
    /// <param name="refusal">Why the payload was refused, or null (a null credential with no refusal means none was found).</param>
    public static JsonElement? CredentialOf(JsonElement payload, out string? refusal)
    {
        refusal = payload.TryGetProperty("vp", out _) ? "the JWT payload carries a verifiable presentation (vp claim), not a credential"
            : payload.TryGetProperty("verifiableCredential", out _) ? "the JWT payload is a presentation (it has verifiableCredential), not one credential"
            : null;
        if (refusal is not null)
        {
            return null;
        }

        var topLevel = payload.TryGetProperty("@context", out _) || payload.TryGetProperty("credentialSubject", out _);
        if (!payload.TryGetProperty("vc", out var vc))
        {
            return topLevel ? payload : null;
        }

        refusal = vc.ValueKind != JsonValueKind.Object ? $"the JWT payload's vc claim is a JSON {vc.ValueKind.ToString().ToLowerInvariant()}, not a credential object"
            : topLevel ? "the JWT payload has both a vc claim and a top-level credential: exactly one credential per token"
            : null;
        return refusal is null ? vc : null;
    }

    internal static JsonDocument? DecodeJson(string segment)
    {
        try
        {
            // Found by fuzzing: invalid UTF-8 string values threw later, on GetString; duplicate names are refused
            // here (RFC 7515 §4 for the header) rather than silently resolved.
            var bytes = Base64UrlEncoder.DecodeBytes(segment);
            return System.Text.Unicode.Utf8.IsValid(bytes)
                ? JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowDuplicateProperties = false })
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
