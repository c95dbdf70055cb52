namespace Verifier.Core.Recipients;

/// <summary>The kind of identifier a badge declares for its recipient.</summary>
internal static class IdentityTypes
{
    /// <summary>
    /// OB 2.0 IdentityObject <c>type</c>: "email", "url" or "telephone" (Profile Identifier Properties), also as the
    /// schema.org IRIs they expand to. The type is required in 2.0; an absent one is read as email, the only identity
    /// type of 1.x badges. Any other type is an opaque identifier, compared exactly.
    /// </summary>
    public static RecipientKind FromOb2(string? type) => type switch
    {
        null or "email" or "http://schema.org/email" or "https://schema.org/email" => RecipientKind.Email,
        "url" or "http://schema.org/url" or "https://schema.org/url" => RecipientKind.Url,
        "telephone" or "http://schema.org/telephone" or "https://schema.org/telephone" => RecipientKind.Telephone,
        _ => RecipientKind.Other,
    };

    /// <summary>
    /// OB 3.0 IdentityObject <c>identityType</c> (IdentifierTypeEnum, extensible with "ext:" terms): only
    /// <c>emailAddress</c> has a syntax of its own; name, sourcedId, systemId, productId, userName, accountId,
    /// nationalIdentityNumber, isbn, issn, lisSourcedId, oneRosterSourcedId, sisSourcedId, ltiContextId,
    /// ltiDeploymentId, ltiToolId, ltiPlatformId, ltiUserId, identifier and every extension are opaque. The enum
    /// has no URL, telephone or DID type; the OB 2.0-style names "email", "url", "telephone"/"phone" and "did" are
    /// accepted as those kinds because their meaning is unambiguous (the schema check reports them as off-spec).
    /// </summary>
    public static RecipientKind FromOb3(string? identityType) => identityType switch
    {
        "emailAddress" or "email" => RecipientKind.Email,
        "url" => RecipientKind.Url,
        "phone" or "telephone" => RecipientKind.Telephone,
        "did" => RecipientKind.Did,
        _ => RecipientKind.Other,
    };

    /// <summary>
    /// OB 3.0 verification: credentialSubject.id is compared with a known id. It is a URI; only a DID or an http(s)
    /// URL is treated as a recipient identifier (anything else, e.g. urn:uuid, is never compared).
    /// </summary>
    public static RecipientKind? FromSubjectId(string id) =>
        RecipientSyntax.IsDid(id) ? RecipientKind.Did
        : UrlIdentity.TryParse(id, out _) ? RecipientKind.Url
        : null;
}
