namespace Verifier.Fuzz.Equivalence;

/// <summary>
/// What the terms of the harness's credentials mean under the VC 2.0 and OB 3.0.3 contexts (read from those
/// contexts): the IRI each expands to and how its string values are coerced. The mutator needs both to write a term
/// as its IRI, or a value as a value object, without changing the graph.
/// </summary>
internal static class TermTable
{
    public const string Cred = "https://www.w3.org/2018/credentials#";
    public const string Ob = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
    public const string Status = "https://www.w3.org/ns/credentials/status#";
    public const string DateTime = "http://www.w3.org/2001/XMLSchema#dateTime";

    /// <summary>Coercion marker for IRI-valued terms (@type: @id).</summary>
    public const string Id = "@id";

    public static readonly IReadOnlyDictionary<string, (string Iri, string? Coercion)> Properties = new Dictionary<string, (string, string?)>(StringComparer.Ordinal)
    {
        ["credentialStatus"] = (Cred + "credentialStatus", Id),
        ["credentialSubject"] = (Cred + "credentialSubject", Id),
        ["issuer"] = (Cred + "issuer", Id),
        ["validFrom"] = (Cred + "validFrom", DateTime),
        ["validUntil"] = (Cred + "validUntil", DateTime),
        ["name"] = ("https://schema.org/name", null),
        ["description"] = ("https://schema.org/description", null),
        ["url"] = ("https://schema.org/url", "http://www.w3.org/2001/XMLSchema#anyURI"),
        ["achievement"] = (Ob + "achievement", null),
        ["criteria"] = (Ob + "Criteria", Id),
        ["narrative"] = (Ob + "narrative", null),
        ["statusPurpose"] = (Status + "statusPurpose", null),
        ["statusListIndex"] = (Status + "statusListIndex", null),
        ["statusListCredential"] = (Status + "statusListCredential", Id),
        ["encodedList"] = (Status + "encodedList", "https://w3id.org/security#multibase"),
    };

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["VerifiableCredential"] = Cred + "VerifiableCredential",
        ["OpenBadgeCredential"] = Ob + "OpenBadgeCredential",
        ["EndorsementCredential"] = Ob + "EndorsementCredential",
        ["AchievementSubject"] = Ob + "AchievementSubject",
        ["Achievement"] = Ob + "Achievement",
        ["Profile"] = Ob + "Profile",
        ["BitstringStatusListEntry"] = Status + "BitstringStatusListEntry",
        ["BitstringStatusListCredential"] = Status + "BitstringStatusListCredential",
        ["BitstringStatusList"] = Status + "BitstringStatusList",
    };
}
