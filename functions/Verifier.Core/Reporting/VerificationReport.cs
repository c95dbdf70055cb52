using System.Text.Json.Serialization;

namespace Verifier.Core.Reporting;

/// <summary>One report model for every outcome; hosts serialize it as-is.</summary>
public sealed class VerificationReport
{
    public bool Valid => Outcome == VerificationOutcome.Valid;

    public VerificationOutcome Outcome { get; init; }

    public int ErrorCount { get; init; }

    public int WarningCount { get; init; }

    /// <summary>The issuer-binding policy the verdict was reached under: default, strict or lenient.</summary>
    public string Policy { get; init; } = "default";

    /// <summary>
    /// How the verdict reads conformance failures: "authenticity" (the default; conformance failures are warnings) or
    /// "conformance" (every specification MUST is an error). Independent of <see cref="Policy"/>.
    /// </summary>
    public string Profile { get; init; } = "authenticity";

    /// <summary>The instant the verdict holds for, and whether the caller chose it.</summary>
    public EvaluatedAt EvaluatedAt { get; init; } = new();

    /// <summary>"0.5", "1.0", "1.1", "2.0", "3.0" or null when it could not be told.</summary>
    public string? OpenBadgesVersion { get; init; }

    public InputInfo Input { get; init; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VerificationInfo? Verification { get; init; }

    /// <summary>Who made the badge, as far as the verifier could prove it (null when verification stopped before the issuer was known).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IssuerInfo? Issuer { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BadgeSummary? Badge { get; init; }

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>Nested reports for endorsements verified along with the badge (OB 3.0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VerificationReport>? Endorsements { get; init; }

    /// <summary>Nested reports for the AchievementCredentials inside a CLR 2.0 ClrCredential.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<VerificationReport>? Credentials { get; init; }

    /// <summary>The nested report of the credential the refresh service returned (OB 3.0 verification step 3).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VerificationReport? Refreshed { get; init; }
}

/// <summary>What was received and how the badge was found in it.</summary>
public sealed class InputInfo
{
    /// <summary>bytes | url | text</summary>
    public string Kind { get; init; } = "bytes";

    /// <summary>Sniffed format: png | svg | json | jws | url | unknown.</summary>
    public string? Format { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DeclaredMediaType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>Where the payload was found, e.g. "png:iTXt:openbadges", "svg:openbadges:assertion@verify".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? EmbeddedIn { get; init; }

    /// <summary>json | jws | url: what the payload turned out to be.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PayloadKind { get; init; }

    /// <summary>The caller's name for the input (obverify: the file path, URL or "stdin"), so a list of reports says which is which.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    internal InputInfo Named(string name) => new()
    {
        Kind = Kind,
        Format = Format,
        DeclaredMediaType = DeclaredMediaType,
        Url = Url,
        EmbeddedIn = EmbeddedIn,
        PayloadKind = PayloadKind,
        Name = name,
    };
}

/// <summary>How the badge was proven: hosted or signed, with which key.</summary>
public sealed class VerificationInfo
{
    /// <summary>hosted | signed | proof (embedded Data Integrity) | none</summary>
    public string Method { get; init; } = "none";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KeyId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Algorithm { get; init; }

    /// <summary>Whether the signing key is provably the issuer's (OB 3.0); null when not applicable.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? IssuerKeyBound { get; init; }
}

/// <summary>A flat summary a displayer can show without understanding the badge graph.</summary>
public sealed class BadgeSummary
{
    public string? Id { get; init; }

    /// <summary>
    /// What the verified document is: <c>Assertion</c> (OB 0.5–2.0), the OB 3.0 / CLR 2.0 credential type
    /// (OpenBadgeCredential, AchievementCredential, EndorsementCredential, ClrCredential), or a status list credential
    /// (BitstringStatusListCredential, StatusList2021Credential) — a list an issuer publishes, not a badge. Null when
    /// the document was not recognised as any of them.
    /// </summary>
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Image { get; init; }

    /// <summary>
    /// The image as a data: URI, only when the request asked for it (<c>image=true</c>): the badge's own data: URI, or
    /// its remote PNG or SVG fetched by the verifier, so a reader's browser never contacts the badge's hosts.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImageData { get; init; }

    public string? Criteria { get; init; }
    /// <summary>The issuer's name as the badge states it: a claim (the proven identity is in the report's <c>issuer</c> block).</summary>
    public string? IssuerName { get; init; }

    /// <summary>The issuer's homepage as the badge states it: a claim.</summary>
    public string? IssuerUrl { get; init; }

    /// <summary>The issuer id as the badge states it: a claim (see <c>issuer.id</c> for the verified identity).</summary>
    public string? IssuerId { get; init; }
    /// <summary>The recipient exactly as the badge states it (hashed identities stay hashed).</summary>
    public string? Recipient { get; init; }
    public DateTimeOffset? IssuedOn { get; init; }
    public DateTimeOffset? Expires { get; init; }
    public IReadOnlyList<string>? Evidence { get; init; }

    internal BadgeSummary WithImageData(string imageData) => new()
    {
        Id = Id,
        Kind = Kind,
        Name = Name,
        Description = Description,
        Image = Image,
        ImageData = imageData,
        Criteria = Criteria,
        IssuerName = IssuerName,
        IssuerUrl = IssuerUrl,
        IssuerId = IssuerId,
        Recipient = Recipient,
        IssuedOn = IssuedOn,
        Expires = Expires,
        Evidence = Evidence,
    };
}
