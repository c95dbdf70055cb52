namespace Verifier.Core.Input;

/// <summary>Which specification family a payload belongs to; picks the verifier that handles it.</summary>
public enum BadgeFamily
{
    Unknown,

    /// <summary>Open Badges 0.5, 1.0, 1.1 and 2.0 (assertions, hosted or JWS-signed).</summary>
    OpenBadges2,

    /// <summary>Open Badges 3.0 / CLR 2.0 verifiable credentials (JSON with proof, or VC-JWT).</summary>
    OpenBadges3,
}

public enum PayloadKind
{
    Json,
    Jws,
    Url,
}

/// <summary>The badge payload found in the input, and where it came from.</summary>
public sealed record ResolvedPayload(PayloadKind Kind, string Text, BadgeFamily Family)
{
    /// <summary>Bytes of a baked image the payload came from (kept so reports can say what was unbaked).</summary>
    public string? EmbeddedIn { get; init; }

    /// <summary>The URL the payload was fetched from, when the input was a URL.</summary>
    public Uri? SourceUrl { get; init; }

    /// <summary>
    /// How the payload was fetched (status, final URL, whether a redirect left the origin; no body), when the input was
    /// a URL: the payload speaks only for the URL that answer speaks for (docs/security.md rule 1).
    /// </summary>
    public Fetching.FetchResult? Source { get; init; }

    /// <summary>
    /// The payload as the resolver already parsed it to pick the family — for <see cref="PayloadKind.Json"/> the
    /// document of <see cref="Text"/>, for <see cref="PayloadKind.Jws"/> the decoded JWS payload read as strictly as
    /// the VC-JWT verifier reads it — so the family verifier need not parse it again. Null when not available; the
    /// verifier that uses it takes ownership (disposes it).
    /// </summary>
    internal System.Text.Json.JsonDocument? Parsed { get; init; }
}
