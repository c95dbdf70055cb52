namespace Verifier.Core.OpenBadges3;

/// <summary>Stable check ids of the OB 3.0 / CLR 2.0 verifier (documented in docs/checks/ob3.md).</summary>
internal static class Ob3CheckIds
{
    public const string Parse = "ob3.parse";
    public const string Envelope = "ob3.envelope";
    public const string JwtHeader = "ob3.jwt.header";
    public const string JwtKey = "ob3.jwt.key";
    public const string JwtSignature = "ob3.jwt.signature";
    public const string JwtClaims = "ob3.jwt.claims";
    public const string IssuerKey = "ob3.issuer-key";
    public const string Proof = "ob3.proof";
    public const string Type = "ob3.type";
    public const string Context = "ob3.context";
    public const string Structure = "ob3.structure";
    public const string Schema = "ob3.schema";
    public const string ValidFrom = "ob3.valid-from";
    public const string ValidUntil = "ob3.valid-until";
    public const string Status = "ob3.status";
    public const string StatusList = "ob3.status.list";
    public const string Recipient = "ob3.recipient";
    public const string Refresh = "ob3.refresh";
    public const string Endorsement = "ob3.endorsement";
    public const string ClrCredential = "clr.credential";
    public const string AttachedTo = "ob3.attached-to";
    public const string Image = "ob3.image";
}
