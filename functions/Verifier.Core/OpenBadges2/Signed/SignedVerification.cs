using System.Text.Json.Nodes;
using System.Text;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Signed;

/// <summary>
/// SignedBadge Verification (OB 2.0 Implementation, steps 1–8) for a compact JWS whose payload is the assertion.
/// The header's alg is checked before any key is touched: RS256 only, so <c>none</c> and HMAC with a public key
/// as the shared secret (key confusion) are refused outright.
/// </summary>
internal sealed class SignedVerification(RsaKeyCache keys)
{
    public const string Algorithm = "RS256";

    /// <summary>Parses and checks the JWS envelope; returns the assertion payload, or null when it cannot be used.</summary>
    public static (CompactJws Jws, JsonObject Assertion)? Open(string text, CheckCollector checks)
    {
        var jws = CompactJws.TryParse(text.Trim(), out var error);
        if (jws is null)
        {
            checks.Fail(Ob2CheckIds.JwsFormat, $"the signed assertion is not a valid compact JWS: {error}");
            return null;
        }

        if (!string.Equals(jws.Algorithm, Algorithm, StringComparison.Ordinal))
        {
            checks.Fail(Ob2CheckIds.SignatureAlgorithm, jws.Algorithm is null
                ? "the JWS header names no alg"
                : $"the JWS alg is {jws.Algorithm}; Open Badges 2.0 signatures are verified with RS256 only");
            return null;
        }

        // crit (RFC 7515 §4.1.11), b64 false (RFC 7797) and a typ naming another kind of token are refused.
        if (jws.HeaderRefusal is { } refusal)
        {
            checks.Fail(Ob2CheckIds.SignatureAlgorithm, refusal);
            return null;
        }

        checks.Pass(Ob2CheckIds.SignatureAlgorithm, "the JWS is signed with RS256");
        var assertion = JsonRead.ParseObject(jws.Payload);
        if (assertion is null)
        {
            // Step 2: "If the parsing operation fails, assertion MUST be treated as invalid."
            checks.Fail(Ob2CheckIds.JwsFormat, "the JWS payload is not a JSON object");
            return null;
        }

        checks.Pass(Ob2CheckIds.JwsFormat, "the JWS payload is a JSON assertion");
        return (jws, assertion);
    }

    /// <summary>Steps 4–7 once the graph is loaded: trusted keys, signature, revocation.</summary>
    public async Task VerifyAsync(Ob2Session session, CompactJws jws, Ob2Graph graph)
    {
        var checks = session.Checks;
        var assertion = graph.Assertion;
        var verification = assertion["verification"] as JsonObject;
        // 1.0 and 1.1 signed badges name their key by URL in verify.url (no creator, no publicKey in the issuer).
        if (session.Version == Ob2Version.V10
            || (session.Version == Ob2Version.V11 && verification?["creator"] is null && JsonRead.String(verification, "url") is not null))
        {
            await VerifyLegacyAsync(session, jws, graph, JsonRead.String(verification, "url")).ConfigureAwait(false);
            return;
        }

        var hosted = await graph.LoadHostedIssuerAsync(session).ConfigureAwait(false);
        if (!hosted.IsLoaded)
        {
            if (hosted.Status == LoadStatus.Failed)
            {
                checks.Fail(Ob2CheckIds.SignatureKey, "signing keys are trusted only from the issuer Profile hosted at its id, which could not be loaded");
            }

            return;
        }

        var issuer = hosted.Node!;
        // Keys are owned by the identity the Profile was confirmed to speak for (docs/security.md rule 1), never by a
        // declared id: a Profile on a forger's host declaring the real issuer's id never gets this far.
        var issuerId = hosted.ServedFrom?.AbsoluteUri ?? JsonRead.String(issuer, "id");
        var creator = JsonRead.IdOf(verification?["creator"]);
        var candidates = KeySelection.Candidates(issuer, creator, out var error);
        if (error is not null)
        {
            checks.Fail(Ob2CheckIds.SignatureKey, error, creator ?? issuerId);
            return;
        }

        // With a creator there is one key and its problems are failures; without one, each listed key is an
        // alternative, so a key that cannot be used is only a warning unless none of them verifies.
        var soft = candidates.Count > 1;
        var tried = new List<string>();
        var unavailable = false;
        foreach (var candidate in candidates)
        {
            var (pem, problem, transient) = await LoadOwnedKeyAsync(session, candidate, issuerId, soft).ConfigureAwait(false);
            unavailable |= transient;
            if (pem is not null && !keys.VerifyRs256(pem, jws, out problem) && problem is null)
            {
                tried.Add(candidate.Id);
                continue;
            }

            if (pem is not null && problem is null)
            {
                checks.Pass(Ob2CheckIds.SignatureKey, $"the key {candidate.Id} is listed in and owned by the issuer Profile {issuerId}", candidate.Id);
                checks.Pass(Ob2CheckIds.SignatureVerify, $"the RS256 signature verifies with {candidate.Id}", candidate.Id);
                session.Context.Verification = new VerificationInfo { Method = "signed", KeyId = candidate.Id, Algorithm = Algorithm };
                session.Proven = new(issuerId!, IssuerProofs.IssuerDocument, issuerId, Ob2CheckIds.SignatureKey);
                await RevocationCheck.RunAsync(session, issuer, issuerId, assertion).ConfigureAwait(false);
                return;
            }

            if (problem is not null)
            {
                var message = $"the key {candidate.Id} cannot be used: {problem}";
                if (soft)
                {
                    checks.Warn(Ob2CheckIds.SignatureKey, message, candidate.Id);
                }
                else
                {
                    checks.Fail(Ob2CheckIds.SignatureKey, message, candidate.Id);
                }
            }
        }

        session.Context.Verification = new VerificationInfo { Method = "signed", KeyId = creator, Algorithm = Algorithm };
        if (tried.Count > 0)
        {
            // Step 6: "If the verification fails, assertion MUST be treated as invalid."
            checks.Fail(Ob2CheckIds.SignatureVerify, $"the signature does not verify with the issuer's key(s) {string.Join(", ", tried)}: the assertion was altered or signed by another key");
        }
        else if (unavailable)
        {
            // Step 5: "If it is impossible to get a usable public key, the Assertion cannot be verified."
            checks.Indeterminate(Ob2CheckIds.SignatureKey, "no public key of the issuer could be fetched, so the signature could not be checked");
        }
        else if (soft)
        {
            checks.Fail(Ob2CheckIds.SignatureKey, "none of the issuer's listed keys is a usable public key owned by the issuer");
        }
    }

    /// <summary>
    /// Loads a listed key (embedded in the hosted Profile or fetched from its id) and checks its owner. Returns the
    /// PEM, or why the key cannot be used, and whether that was a network failure.
    /// </summary>
    private static async Task<(string? Pem, string? Problem, bool Transient)> LoadOwnedKeyAsync(Ob2Session session, ListedKey candidate, string? issuerId, bool soft)
    {
        JsonObject key;
        if (candidate.Embedded is { } embedded && JsonRead.String(embedded, "publicKeyPem") is not null)
        {
            key = embedded;
        }
        else
        {
            var loaded = await session.LoadJsonAsync(candidate.Id, Ob2CheckIds.KeyFetch, "CryptographicKey", soft: soft).ConfigureAwait(false);
            if (!loaded.IsLoaded)
            {
                return (null, null, loaded.Status == LoadStatus.Unavailable);
            }

            // The key document must be the one at the listed id, not one it points elsewhere to (rule 1).
            if (loaded.Identity is not { } keyIdentity || !WebIdentity.SameDocument(keyIdentity.AbsoluteUri, candidate.Id))
            {
                return (null, $"the document at {candidate.Id} speaks for {loaded.Identity?.AbsoluteUri ?? "nothing"}, not for the listed key", false);
            }

            key = loaded.Node!;
            StructureValidator.Report(session.Checks, Ob2CheckIds.StructureKey, "CryptographicKey", candidate.Id,
                loaded.Validate("CryptographicKey", StructureValidator.CryptographicKey));
        }

        // "There should be a two-way connection between this Profile and the CryptographicKey through owner and publicKey."
        var owner = JsonRead.IdOf(key["owner"]) ?? (ReferenceEquals(key, candidate.Embedded) ? issuerId : null);
        if (!WebIdentity.SameId(owner, issuerId) && !WebIdentity.SameDocument(owner, issuerId))
        {
            return (null, $"it is owned by {owner ?? "nobody"}, not by the issuer {issuerId}", false);
        }

        var pem = JsonRead.String(key, "publicKeyPem");
        return pem is null ? (null, "it has no publicKeyPem", false) : (pem, null, false);
    }

    /// <summary>
    /// 1.0 signed badges name the issuer's public key by URL in verify.url (a PEM document). Nothing in 1.0 lists
    /// keys in the issuer, so the key is trusted only when served from the issuer's own origin.
    /// </summary>
    private async Task VerifyLegacyAsync(Ob2Session session, CompactJws jws, Ob2Graph graph, string? keyUrl)
    {
        var checks = session.Checks;
        var issuer = graph.HostedIssuer ?? graph.Issuer!;
        var issuerUrl = JsonRead.String(issuer, "url") ?? JsonRead.String(issuer, "origin") ?? JsonRead.String(issuer, "id");
        var key = WebIdentity.HttpUrl(keyUrl);
        var origin = WebIdentity.HttpUrl(issuerUrl);
        if (key is null || origin is null || !WebIdentity.SameSite(key, origin))
        {
            checks.Fail(Ob2CheckIds.SignatureKey, $"the {session.Version} signing key {keyUrl ?? "(none)"} is not on the issuer's origin {issuerUrl}", keyUrl);
            return;
        }

        var fetched = await session.FetchAsync(key, FetchKind.Document).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            if (fetched.IsTransient)
            {
                checks.Indeterminate(Ob2CheckIds.KeyFetch, fetched.Describe(), keyUrl);
            }
            else
            {
                checks.Fail(Ob2CheckIds.KeyFetch, fetched.Describe(), keyUrl);
            }

            return;
        }

        // What a 1.0 signature proves is that the issuer's origin served the key: the key must really come from there,
        // not from wherever a redirect on that origin pointed (docs/security.md rules 1 and 3).
        if (!WebIdentity.SameSite(fetched.ServedFrom, origin))
        {
            checks.Fail(Ob2CheckIds.SignatureKey, $"the key {keyUrl} was served from {fetched.FinalUrl}, off the issuer's origin {WebIdentity.OriginOf(origin)}", keyUrl);
            return;
        }

        var body = Encoding.UTF8.GetString(fetched.Body.Span);
        var pem = body.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal) ? body : JsonRead.String(JsonRead.ParseObject(body), "publicKeyPem");
        session.Context.Verification = new VerificationInfo { Method = "signed", KeyId = keyUrl, Algorithm = Algorithm };
        if (pem is null)
        {
            checks.Fail(Ob2CheckIds.SignatureKey, $"{keyUrl} does not hold a PEM public key", keyUrl);
            return;
        }

        if (!keys.VerifyRs256(pem, jws, out var error))
        {
            checks.Fail(error is null ? Ob2CheckIds.SignatureVerify : Ob2CheckIds.SignatureKey,
                error ?? $"the signature does not verify with {keyUrl}", keyUrl);
            return;
        }

        checks.Pass(Ob2CheckIds.SignatureKey, $"the key {keyUrl} is served from the issuer's origin {WebIdentity.OriginOf(origin)} (what a {session.Version} signature proves: that origin, not the issuer's name)", keyUrl);
        checks.Pass(Ob2CheckIds.SignatureVerify, $"the RS256 signature verifies with {keyUrl}", keyUrl);
        session.Proven = new(WebIdentity.OriginOf(origin), IssuerProofs.IssuerOrigin, fetched.ServedFrom.AbsoluteUri, Ob2CheckIds.SignatureKey);
        await RevocationCheck.RunAsync(session, issuer, null, graph.Assertion).ConfigureAwait(false);
    }
}
