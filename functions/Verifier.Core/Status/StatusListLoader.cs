using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges3;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;

namespace Verifier.Core.Status;

public enum ListProofState
{
    Verified,
    Failed,

    /// <summary>The list's proof could not be checked (an embedded proof without a Data Integrity verifier, a key that did not resolve).</summary>
    Unverified,
}

/// <summary>A fetched status-list credential and what is known about it; immutable, so it can be cached and shared.</summary>
public sealed record LoadedStatusList(
    Uri Url,
    JsonElement Credential,
    ListProofState Proof,
    string ProofMessage,
    Bitstring? Bits,
    string? DecodeError);

/// <summary>
/// Fetches status-list credentials (Bitstring Status List §3.2 / StatusList2021), verifies them — a VC-JWT served as
/// application/vc+jwt with the VC-JWT verifier, a JSON credential's embedded proof with the registered Data Integrity
/// verifier — decodes the bitstring, and caches the result within the list's ttl / validUntil.
/// </summary>
public sealed class StatusListLoader(
    IDocumentFetcher fetcher,
    IMemoryCache cache,
    VcJwtVerifier jwtVerifier,
    IEnumerable<IEmbeddedProofVerifier> proofVerifiers,
    TimeProvider time,
    IOptions<VerifierOptions> options)
{
    public async Task<(LoadedStatusList? List, FetchResult? Failure)> LoadAsync(Uri url, VerificationContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = "verifier.statuslist:" + url.AbsoluteUri;
        if (cache.TryGetValue(key, out LoadedStatusList? cached) && cached is not null)
        {
            return (cached, null);
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.StatusList, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (null, fetched);
        }

        var text = Encoding.UTF8.GetString(fetched.Body.Span).Trim();
        var list = PayloadClassifier.LooksLikeCompactJws(text) || fetched.ContentType is "application/vc+jwt" or "application/jwt"
            ? await FromJwtAsync(url, text, context, ct).ConfigureAwait(false)
            : await FromJsonAsync(url, text, context, ct).ConfigureAwait(false);
        // An unverified list (key unreachable, no Data Integrity verifier) may verify next time: never cached.
        if (list.Proof != ListProofState.Unverified)
        {
            cache.Set(key, list, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime(list.Credential), Size = 1 });
        }

        return (list, null);
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

        var (state, message) = Summarize(scratch, outcome.SignatureValid, "VC-JWT");
        return WithBits(url, credential.Clone(), state, message);
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

        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty("proof", out _))
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
        return WithBits(url, credential, state, message);
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

    private static LoadedStatusList Broken(Uri url, string message)
    {
        using var empty = JsonDocument.Parse("{}");
        return new LoadedStatusList(url, empty.RootElement.Clone(), ListProofState.Failed, message, null, message);
    }

    private static (ListProofState, string) Summarize(VerificationContext scratch, bool signatureValid, string kind)
    {
        var checks = scratch.Checks.Snapshot();
        var failures = checks.Where(c => c.Outcome == CheckOutcome.Failed).ToList();
        if (signatureValid && failures.Count == 0)
        {
            return (ListProofState.Verified, $"the status list's {kind} verifies");
        }

        var reason = string.Join("; ", failures.Select(f => f.Message));
        return failures.Count > 0 && failures.All(f => f.Indeterminate)
            ? (ListProofState.Unverified, $"the status list's {kind} could not be checked: {reason}")
            : (ListProofState.Failed, $"the status list's {kind} does not verify: {reason}");
    }

    /// <summary>The list is judged under the caller's policy but reports into its own scratch context.</summary>
    private static VerificationContext Scratch(VerificationContext parent) =>
        new(new VerificationRequest { Input = parent.Request.Input, Policy = parent.Policy, At = parent.Now }, parent.Options, parent.Now);

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

        var until = OpenBadges3.Credential.ParseDate(OpenBadges3.Credential.Str(credential, "validUntil") ?? OpenBadges3.Credential.Str(credential, "expirationDate"));
        if (until is { } u && u - time.GetUtcNow() < lifetime)
        {
            lifetime = u - time.GetUtcNow();
        }

        return lifetime <= TimeSpan.Zero ? TimeSpan.FromSeconds(1) : lifetime > fetch.MaxCacheAge ? fetch.MaxCacheAge : lifetime;
    }
}
