namespace Verifier.Core.OpenBadges2;

/// <summary>Stable ids of every Open Badges 0.5–2.0 check (documented in docs/checks/ob2.md).</summary>
internal static class Ob2CheckIds
{
    public const string Version = "ob2.version";
    public const string Upgrade = "ob2.legacy.upgrade";
    public const string Method = "ob2.verification.method";
    public const string JwsFormat = "ob2.jws.format";
    public const string SignatureAlgorithm = "ob2.signature.algorithm";
    public const string SignatureKey = "ob2.signature.key";
    public const string SignatureVerify = "ob2.signature.verify";
    public const string Revocation = "ob2.revocation";
    public const string AssertionFetch = "ob2.assertion.fetch";
    public const string AssertionId = "ob2.assertion.id";
    public const string HostedRevoked = "ob2.hosted.revoked";
    public const string ScopeOrigin = "ob2.scope.origin";
    public const string ScopeStartsWith = "ob2.scope.startsWith";
    public const string ScopeBadgeClass = "ob2.scope.badgeclass";
    public const string BadgeClassFetch = "ob2.badgeclass.fetch";
    public const string IssuerFetch = "ob2.issuer.fetch";
    public const string KeyFetch = "ob2.key.fetch";
    public const string RevocationListFetch = "ob2.revocationList.fetch";
    public const string NodeId = "ob2.node.id";
    public const string StructureAssertion = "ob2.structure.assertion";
    public const string StructureBadgeClass = "ob2.structure.badgeclass";
    public const string StructureIssuer = "ob2.structure.issuer";
    public const string StructureKey = "ob2.structure.key";
    public const string StructureRevocationList = "ob2.structure.revocationList";
    public const string IssuedOn = "ob2.dates.issuedOn";
    public const string Expires = "ob2.dates.expires";
    public const string Recipient = "ob2.recipient";
    public const string Image = "ob2.image";
    public const string StructureEndorsement = "ob2.structure.endorsement";
    public const string Endorsement = "ob2.endorsement";
    public const string AttachedTo = "ob2.attached-to";
}
