using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Verifier.Core.Caching;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges3;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.Status;

internal enum ListProofState
{
    Verified,
    Failed,

    /// <summary>The list's proof could not be checked (an embedded proof without a Data Integrity verifier, a key that did not resolve).</summary>
    Unverified,
}

/// <summary>
/// A fetched status-list credential and what is known about it. Immutable and independent of any one request (no
/// request's instant, policy or budget went into it: docs/security.md rule 8), so it can be cached and shared; each
/// request then judges the binding level, the dates and the purpose under its own options.
/// </summary>
internal sealed record LoadedStatusList(
    Uri Url,
    JsonElement Credential,
    ListProofState Proof,
    string ProofMessage,
    Bitstring? Bits,
    string? DecodeError)
{
    /// <summary>How the list's signing key is tied to the list's issuer (null when the proof did not verify).</summary>
    public Trust.IssuerBindingResult? Binding { get; init; }

    /// <summary>The list VC-JWT's own exp and nbf claims, judged per request like validFrom/validUntil.</summary>
    public DateTimeOffset? JwtExpires { get; init; }

    public DateTimeOffset? JwtNotBefore { get; init; }
}

/// <summary>
/// Fetches status-list credentials (Bitstring Status List §3.2 / StatusList2021), verifies them — a VC-JWT served as
/// application/vc+jwt with the VC-JWT verifier, a JSON credential's embedded proof with the registered Data Integrity
/// verifier — decodes the bitstring, and caches the result within the list's ttl / validUntil.
/// </summary>
internal sealed class StatusListLoader(
    IDocumentFetcher fetcher,
    EngineCache cache,
    VcJwtVerifier jwtVerifier,
    IEnumerable<IEmbeddedProofVerifier> proofVerifiers,
    TimeProvider time,
    IOptions<VerifierOptions> options)
{
    public async Task<(LoadedStatusList? List, FetchResult? Failure)> LoadAsync(Uri url, VerificationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = "verifier.statuslist:" + url.AbsoluteUri;
        if (cache.TryGet(CacheTier.StatusList, key, out LoadedStatusList cached))
        {
            return (cached, null);
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.StatusList, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (null, fetched);
        }

        var list = await ReadAsync(url, fetched, context, ct).ConfigureAwait(false);

        list = await ConfirmIdentityAsync(url, fetched, list, context, ct).ConfigureAwait(false);

        // An unverified list (key or issuer document unreachable) may verify next time: never cached.
        if (list.Proof != ListProofState.Unverified && list.Binding?.Level != BindingLevel.Indeterminate)
        {
            // Sized by what it holds: the decoded bitstring (up to 16 MiB) and the credential's JSON, kept as a cloned
            // document of about the body's size.
            cache.Set(CacheTier.StatusList, key, list, (list.Bits?.LengthInBytes ?? 0) + (2L * fetched.Body.Length), Lifetime(list.Credential));
        }

        return (list, null);
    }

    /// <summary>
    /// docs/security.md rule 1: a list speaks for the URL it was served from. One that declares another id is replaced
    /// by the copy at that id, fetched once, if that copy verifies and declares the same id; otherwise it speaks for
    /// no list and cannot vouch for any credential's status.
    /// </summary>
    private async Task<LoadedStatusList> ConfirmIdentityAsync(Uri url, FetchResult fetched, LoadedStatusList list, VerificationContext context, CancellationToken ct)
    {
        var declared = list.Credential.ValueKind == JsonValueKind.Object ? OpenBadges3.Credential.Str(list.Credential, "id") : null;
        if (declared is null || list.Proof != ListProofState.Verified || (WebIdentity.HttpUrl(declared) is { } same && fetched.SpeaksFor(same)))
        {
            return list;
        }

        if (WebIdentity.HttpUrl(declared) is not { } declaredUrl)
        {
            return list with { Proof = ListProofState.Failed, ProofMessage = $"the status list served at {url} declares the id {declared}, which is not the URL it was served from" };
        }

        var second = await fetcher.FetchAsync(declaredUrl, FetchKind.StatusList, ct).ConfigureAwait(false);
        if (!second.IsOk)
        {
            return list with
            {
                Proof = second.IsTransient ? ListProofState.Unverified : ListProofState.Failed,
                ProofMessage = $"the status list served at {url} declares the id {declared}, which could not be fetched to confirm it: {second.Describe()}",
            };
        }

        var copy = await ReadAsync(declaredUrl, second, context, ct).ConfigureAwait(false);
        return copy.Proof == ListProofState.Verified && second.SpeaksFor(declaredUrl)
            && WebIdentity.SameDocument(OpenBadges3.Credential.Str(copy.Credential, "id"), declared)
            ? copy
            : list with { Proof = ListProofState.Failed, ProofMessage = $"the status list served at {url} declares the id {declared}, but {declared} does not serve that list: the copy speaks for no list" };
    }

    private Task<LoadedStatusList> ReadAsync(Uri url, FetchResult fetched, VerificationContext context, CancellationToken ct)
    {
        var text = Encoding.UTF8.GetString(fetched.Body.Span).Trim();
        return PayloadClassifier.LooksLikeCompactJws(text) || fetched.ContentType is "application/vc+jwt" or "application/jwt"
            ? FromJwtAsync(url, text, context, ct)
            : FromJsonAsync(url, text, context, ct);
    }

    private async Task<LoadedStatusList> FromJwtAsync(Uri url, string jwt, VerificationContext parent, CancellationToken ct)
    {
        var scratch = Scratch(parent);
        var outcome = await jwtVerifier.VerifyAsync(jwt, scratch, url.AbsoluteUri, ct).ConfigureAwait(false);
        using var payload = outcome.Payload;
        if (outcome.Credential is not { } credential)
        {
            return Broken(url, "the status list VC-JWT carries no credential");
        }

        // The list's token is verified as fully as a badge's: its claims must agree with the list it carries (rule 9).
        var listCredential = new OpenBadges3.Credential(credential);
        if (outcome.SignatureValid)
        {
            JwtClaimsCheck.Run(payload!.RootElement, listCredential, scratch, url.AbsoluteUri);
        }

        var (state, message) = Summarize(scratch, outcome.SignatureValid, "VC-JWT");
        return WithBits(url, credential.Clone(), state, message) with
        {
            Binding = outcome.Binding,
            JwtExpires = JwtClaimsCheck.Exp(payload!.RootElement),
            JwtNotBefore = JwtClaimsCheck.Nbf(payload.RootElement),
        };
    }

    private async Task<LoadedStatusList> FromJsonAsync(Uri url, string json, VerificationContext parent, CancellationToken ct)
    {
        JsonElement credential;
        using (var doc = StrictJson.Parse(json, out var error))
        {
            if (doc is null)
            {
                return StrictJson.HasDuplicateNames(json) ? Refused(url, json, $"the status list cannot be used: {error}") : Broken(url, "the status list is neither JSON nor a VC-JWT");
            }

            credential = doc.RootElement.Clone();
        }

        // Rule 4: an answer that is not a credential at all (an error object, {}) is not an empty list, and says
        // nothing about the status: unknown, not cached. A credential without a proof is the issuer's own error.
        if (credential.ValueKind != JsonValueKind.Object || !(credential.TryGetProperty("@context", out _) || credential.TryGetProperty("credentialSubject", out _)))
        {
            return WithBits(url, credential, ListProofState.Unverified, $"{url} did not answer with a status list credential");
        }

        if (!credential.TryGetProperty("proof", out _))
        {
            return WithBits(url, credential, ListProofState.Failed, "the status list credential has no proof");
        }

        var verifier = proofVerifiers.FirstOrDefault();
        if (verifier is null)
        {
            return WithBits(url, credential, ListProofState.Unverified, "the status list's embedded Data Integrity proof is not verified yet by this verifier");
        }

        var scratch = Scratch(parent);
        var outcome = await verifier.VerifyAsync(credential, new OpenBadges3.Credential(credential).IssuerId, scratch, ct).ConfigureAwait(false);
        var (state, message) = Summarize(scratch, outcome.AnyValid, "embedded proof");
        return WithBits(url, credential, state, message) with { Binding = outcome.Binding };
    }

    private static LoadedStatusList WithBits(Uri url, JsonElement credential, ListProofState state, string message)
    {
        var subject = credential.ValueKind == JsonValueKind.Object && credential.TryGetProperty("credentialSubject", out var s) ? s : default;
        var (bits, error) = Bitstring.Decode(OpenBadges3.Credential.Str(subject, "encodedList"));
        return new LoadedStatusList(url, credential, state, message, bits, error);
    }

    /// <summary>
    /// A list refused before its proof is looked at (duplicate names would let the proof and the bit reader see
    /// different encodedLists): kept as read leniently only so the report can say what it is, never decoded.
    /// </summary>
    private static LoadedStatusList Refused(Uri url, string json, string message)
    {
        using var lenient = JsonDocument.Parse(json);
        return new LoadedStatusList(url, lenient.RootElement.Clone(), ListProofState.Failed, message, null, message);
    }

    /// <summary>Not even JSON or a token: not a status list, so the status is unknown (rule 4), never "not revoked".</summary>
    private static LoadedStatusList Broken(Uri url, string message)
    {
        using var empty = JsonDocument.Parse("{}");
        return new LoadedStatusList(url, empty.RootElement.Clone(), ListProofState.Unverified, message, null, message);
    }

    private static (ListProofState, string) Summarize(VerificationContext scratch, bool signatureValid, string kind)
    {
        var checks = scratch.Checks.Snapshot();
        // The binding is judged per request from LoadedStatusList.Binding; every other failure is the list's own.
        var failures = checks.Where(c => c.Outcome == CheckOutcome.Failed && c.Id != Ob3CheckIds.IssuerKey).ToList();
        if (signatureValid && failures.Count == 0)
        {
            return (ListProofState.Verified, $"the status list's {kind} verifies");
        }

        var reason = string.Join("; ", failures.Select(f => f.Message));
        return failures.Count > 0 && failures.All(f => f.Indeterminate)
            ? (ListProofState.Unverified, $"the status list's {kind} could not be checked: {reason}")
            : (ListProofState.Failed, $"the status list's {kind} does not verify: {reason}");
    }

    /// <summary>
    /// The list is verified once for every request (rule 8): at the verifier's own clock, never a request's <c>at=</c>,
    /// and under the lenient policy so that an unproven key is recorded as a binding level rather than a failure —
    /// each request then applies its own policy to <see cref="LoadedStatusList.Binding"/>.
    /// </summary>
    private VerificationContext Scratch(VerificationContext parent) =>
        new(new VerificationRequest { Input = parent.Request.Input, Policy = IssuerPolicy.Lenient }, parent.Options, time.GetUtcNow());

    /// <summary>Bitstring Status List §2.1: ttl (milliseconds) or validUntil bound how long a list may be reused.</summary>
    private TimeSpan Lifetime(JsonElement credential)
    {
        var fetch = options.Value.Fetch;
        var lifetime = fetch.DefaultCacheAge;
        var subject = credential.ValueKind == JsonValueKind.Object && credential.TryGetProperty("credentialSubject", out var s) ? s : default;
        if (subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("ttl", out var ttl) && ttl.TryGetInt64(out var ms) && ms > 0)
        {
            lifetime = TimeSpan.FromMilliseconds(ms);
        }

        var until = Instants.ParseDateTimeStamp(OpenBadges3.Credential.Str(credential, "validUntil") ?? OpenBadges3.Credential.Str(credential, "expirationDate"));
        if (until is { } u && u - time.GetUtcNow() < lifetime)
        {
            lifetime = u - time.GetUtcNow();
        }

        return lifetime <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : lifetime > fetch.MaxCacheAge ? fetch.MaxCacheAge : lifetime;
    }
}
