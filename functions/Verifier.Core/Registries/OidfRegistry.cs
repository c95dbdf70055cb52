using System.Collections.Concurrent;
using System.Text;
using Verifier.Core.Fetching;
using Verifier.Core.Keys;

namespace Verifier.Core.Registries;

/// <summary>
/// An <c>oidf</c> registry: an OpenID Federation trust anchor. Its entity configuration names the fetch endpoint;
/// <c>GET {fetch}?sub=DID</c> answers a subordinate statement signed by the anchor (404 when the DID is not listed).
/// Every statement is verified — signature with the anchor's key, <c>iss</c>, <c>sub</c>, <c>iat</c>/<c>exp</c> —
/// which the DCC's own client leaves to do; a statement that fails is "not listed", with the reason. Both documents
/// come through the guarded, cached fetcher (a 404 is remembered only briefly), and their verification is kept per
/// version of their bytes, so a cached answer costs no signature check.
/// </summary>
internal sealed class OidfRegistry : IIssuerRegistry
{
    private const int MaxSubjects = 1024;

    private readonly IDocumentFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly TimeSpan _skew;
    private readonly IReadOnlyDictionary<string, KeyMaterial>? _pinned;
    private readonly ConcurrentDictionary<string, Subject> _subjects = new(StringComparer.Ordinal);
    private AnchorRead? _anchor;

    internal OidfRegistry(string name, string entityId, Uri configurationUrl, IReadOnlyDictionary<string, KeyMaterial>? pinned, IDocumentFetcher fetcher, TimeProvider time, TimeSpan skew)
    {
        Name = name;
        EntityId = entityId;
        ConfigurationUrl = configurationUrl;
        _pinned = pinned;
        _fetcher = fetcher;
        _time = time;
        _skew = skew;
    }

    public string Name { get; }

    public string Type => RegistryTypes.Oidf;

    /// <summary>OpenID Federation registries of issuers list DIDs.</summary>
    public bool ListsWebIdentities => false;

    public string EntityId { get; }

    public Uri ConfigurationUrl { get; }

    public async ValueTask<RegistryAnswer> LookUpAsync(RegistryIdentity identity, CancellationToken cancellationToken)
    {
        var (anchor, problem) = await AnchorAsync(cancellationToken).ConfigureAwait(false);
        if (anchor is null)
        {
            return RegistryAnswer.Unchecked(problem!);
        }

        // Judged by the verifier's clock: a registry says whom it vouches for now, and keeps no history.
        var now = _time.GetUtcNow();
        if (anchor.Statement.CheckLifetime(now, _skew) is { } stale)
        {
            return RegistryAnswer.Unchecked($"the trust anchor's entity configuration is not current: {stale}");
        }

        var subject = SubjectFor(identity.Value, anchor);
        var result = await _fetcher.FetchAsync(subject.Url, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        if (result.Status == FetchStatus.HttpError && result.HttpStatusCode == 404)
        {
            return RegistryAnswer.NotListed();
        }

        if (!result.IsOk)
        {
            return RegistryAnswer.Unchecked(result.Describe());
        }

        var verified = await VerifiedAsync(subject, identity.Value, anchor, result.Body, Name).ConfigureAwait(false);
        if (verified.NotAToken)
        {
            // A 200 whose body is no statement at all is not an answer (docs/security.md rule 4).
            return RegistryAnswer.Unchecked($"{subject.Url} did not answer with an entity statement: {verified.Error}");
        }

        var refusal = verified.Error ?? verified.Statement!.CheckLifetime(now, _skew);
        return refusal is null
            ? RegistryAnswer.Listed(verified.Listing!)
            : RegistryAnswer.NotListed($"its statement about {identity.Value} was refused ({refusal}), so it counts as not listed");
    }

    private async ValueTask<(TrustAnchor? Anchor, string? Problem)> AnchorAsync(CancellationToken ct)
    {
        var result = await _fetcher.FetchAsync(ConfigurationUrl, FetchKind.Document, ct).ConfigureAwait(false);
        if (!result.IsOk)
        {
            return (null, result.Describe());
        }

        if (!result.SpeaksFor(ConfigurationUrl))
        {
            return (null, $"{ConfigurationUrl} redirected to another origin ({result.FinalUrl}): it does not speak for the trust anchor");
        }

        var last = Volatile.Read(ref _anchor);
        if (last is null || !SameBytes.Equal(last.Bytes, result.Body))
        {
            var (anchor, error) = await TrustAnchor.VerifyAsync(Text(result.Body), EntityId, _pinned).ConfigureAwait(false);
            last = new AnchorRead(SameBytes.Keep(result.Body), anchor, error is null ? null : $"the trust anchor's entity configuration is refused: {error}");
            Volatile.Write(ref _anchor, last);
        }

        return (last.Anchor, last.Error);
    }

    private Subject SubjectFor(string did, TrustAnchor anchor)
    {
        if (_subjects.TryGetValue(did, out var known) && ReferenceEquals(known.Anchor, anchor))
        {
            return known;
        }

        if (_subjects.Count >= MaxSubjects)
        {
            _subjects.Clear();
        }

        var subject = new Subject(anchor, anchor.FetchUrl(did));
        _subjects[did] = subject;
        return subject;
    }

    private static async ValueTask<Verified> VerifiedAsync(Subject subject, string did, TrustAnchor anchor, ReadOnlyMemory<byte> body, string registry)
    {
        if (Volatile.Read(ref subject.Last) is { } last && SameBytes.Equal(last.Bytes, body))
        {
            return last;
        }

        var verified = await VerifyAsync(Text(body), did, anchor, registry).ConfigureAwait(false) with { Bytes = SameBytes.Keep(body) };
        Volatile.Write(ref subject.Last, verified);
        return verified;
    }

    /// <summary>The time-independent part of a subordinate statement's verification (§3, §8.1.1).</summary>
    internal static async Task<Verified> VerifyAsync(string jwt, string did, TrustAnchor anchor, string registry)
    {
        var statement = EntityStatement.Parse(jwt, out var error, out var notAToken);
        if (statement is null)
        {
            return new Verified([], null, null, error) { NotAToken = notAToken };
        }

        var anchorId = anchor.Statement.Iss;
        error = statement.Iss != anchorId ? $"its iss is {statement.Iss}, not the trust anchor {anchorId}"
            : statement.Sub != did ? $"its sub is {statement.Sub}, not {did}"
            : await statement.VerifySignatureAsync(anchor.Keys).ConfigureAwait(false);
        if (error is not null)
        {
            return new Verified([], statement, null, error);
        }

        var listing = new RegistryListing
        {
            Registry = registry,
            Name = statement.Get("metadata", "federation_entity", "organization_name"),
            Url = RegistryDocument.HttpOnly(statement.Get("metadata", "federation_entity", "homepage_uri")),
            LegalName = statement.Get("metadata", "institution_additional_information", "legal_name"),
            Logo = DataImage.OrNull(statement.Get("metadata", "federation_entity", "logo_uri")),
        };
        return new Verified([], statement, listing, null);
    }

    private static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span).Trim();

    private sealed record AnchorRead(byte[] Bytes, TrustAnchor? Anchor, string? Error);

    /// <summary>What was learnt about one DID under one anchor: its fetch URL and the last statement verified.</summary>
    private sealed class Subject(TrustAnchor anchor, Uri url)
    {
        public TrustAnchor Anchor { get; } = anchor;

        public Uri Url { get; } = url;

        public Verified? Last;
    }

    internal sealed record Verified(byte[] Bytes, EntityStatement? Statement, RegistryListing? Listing, string? Error)
    {
        public bool NotAToken { get; init; }
    }
}
