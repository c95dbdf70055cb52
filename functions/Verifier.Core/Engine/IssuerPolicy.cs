namespace Verifier.Core.Engine;

/// <summary>
/// How much proof that the issuer made a badge a verdict of <c>valid</c> requires (docs/security.md, "What valid
/// promises"). Every policy refuses contradictions (a key that names another controller, a token whose iss is not
/// the issuer); they differ in what they accept as proof of the issuer.
/// </summary>
public enum IssuerPolicy
{
    /// <summary>Document level (the issuer's own document or DID lists the key) or origin level (the key or hosted
    /// assertion is served from the issuer id's origin). A key nothing ties to the issuer makes the badge invalid.</summary>
    Default,

    /// <summary>Document level only: origin-level bindings (which any tenant of a shared badge platform shares) are refused.</summary>
    Strict,

    /// <summary>The signature must be consistent, but an unproven issuer is only a warning (what the 1EdTech validator checks).</summary>
    Lenient,
}

/// <summary>Names of the policies as the HTTP query, the CLI and configuration spell them.</summary>
public static class IssuerPolicyNames
{
    public static string Name(IssuerPolicy policy) => policy switch
    {
        IssuerPolicy.Strict => "strict",
        IssuerPolicy.Lenient => "lenient",
        _ => "default",
    };

    /// <summary>"default", "strict" or "lenient" (case-insensitive); null for anything else.</summary>
    public static IssuerPolicy? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "default" => IssuerPolicy.Default,
        "strict" => IssuerPolicy.Strict,
        "lenient" => IssuerPolicy.Lenient,
        _ => null,
    };
}
