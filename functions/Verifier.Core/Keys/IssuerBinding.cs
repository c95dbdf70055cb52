using Verifier.Core.Engine;

namespace Verifier.Core.Keys;

public enum IssuerBindingLevel
{
    /// <summary>The key is provably the issuer's (the issuer's own DID or document lists it, or it sits on the issuer's origin).</summary>
    Bound,

    /// <summary>A form the specification allows but that proves nothing about who signed.</summary>
    Unproven,

    /// <summary>The key or token contradicts the issuer: always an error.</summary>
    Contradiction,
}

public sealed record IssuerBindingResult(IssuerBindingLevel Level, string Message)
{
    /// <summary>What the report states as <c>issuerKeyBound</c>.</summary>
    public bool IssuerKeyBound => Level == IssuerBindingLevel.Bound;
}

/// <summary>
/// Decides whether a signing key is the issuer's, for VC-JWT (key from <c>kid</c> or <c>jwk</c>) and Data
/// Integrity (key from <c>verificationMethod</c>). OB 3.0 §8.2 only asks that the signature verify with the key the
/// proof names; a key anyone can name proves nothing about the issuer, so those forms are reported separately.
/// </summary>
public static class IssuerBinding
{
    public const string AnyoneCouldHaveSigned = "anyone could have made this signature";

    /// <param name="issuerId">The credential's issuer id.</param>
    /// <param name="keyId">The key id the proof names (kid / verificationMethod); null when the key came in a header jwk.</param>
    /// <param name="key">The resolved key, when resolution succeeded.</param>
    /// <param name="jwtIssuer">The JWT <c>iss</c> claim, when the proof is a VC-JWT.</param>
    public static IssuerBindingResult Evaluate(string? issuerId, string? keyId, ResolvedKey? key, string? jwtIssuer = null) =>
        Evaluate(issuerId, keyId, key, jwtIssuer, null);

    /// <param name="issuerId">The credential's issuer id.</param>
    /// <param name="keyId">The key id the proof names.</param>
    /// <param name="key">The resolved key, when resolution succeeded.</param>
    /// <param name="jwtIssuer">The JWT <c>iss</c> claim, when the proof is a VC-JWT.</param>
    /// <param name="parsedKeyId">
    /// <paramref name="keyId"/> already parsed by <c>Uri.TryCreate(keyId, UriKind.Absolute, …)</c> (the VC-JWT header
    /// rule does that), or null to parse it here: the same parse of the same string, done once.
    /// </param>
    internal static IssuerBindingResult Evaluate(string? issuerId, string? keyId, ResolvedKey? key, string? jwtIssuer, Uri? parsedKeyId)
    {
        if (jwtIssuer is not null && issuerId is not null && jwtIssuer != issuerId)
        {
            return new(IssuerBindingLevel.Contradiction, $"the token's iss ({jwtIssuer}) is not the credential's issuer ({issuerId})");
        }

        if (keyId is null)
        {
            return new(IssuerBindingLevel.Unproven,
                $"the signing key travels inside the token (jwk header) and nothing ties it to the issuer: {AnyoneCouldHaveSigned}");
        }

        if (issuerId is null)
        {
            return new(IssuerBindingLevel.Contradiction, "the credential names no issuer id, so no key can be the issuer's");
        }

        var (keyBase, fragment) = DidResolvers.SplitFragment(keyId);
        if (keyBase.StartsWith("did:", StringComparison.Ordinal))
        {
            return ForDidKey(issuerId, keyId, keyBase, key);
        }

        var keyUrl = parsedKeyId;
        if (keyUrl is null && !Uri.TryCreate(keyId, UriKind.Absolute, out keyUrl))
        {
            return new(IssuerBindingLevel.Contradiction, $"the key id {keyId} is not a URL or DID URL");
        }

        if (fragment is not null)
        {
            // "https://issuer.example/profile#key": the base names whose document the key belongs to.
            if (keyBase != issuerId)
            {
                return new(IssuerBindingLevel.Contradiction, $"the key {keyId} belongs to the document {keyBase}, not to the issuer {issuerId}");
            }

            return key?.ListedForAssertion == true
                ? new(IssuerBindingLevel.Bound, $"the issuer's document {issuerId} lists {keyId} for assertions")
                : new(IssuerBindingLevel.Unproven, $"the issuer's own document does not list {keyId} for assertions: {AnyoneCouldHaveSigned}");
        }

        if (key?.Controller is { } controller && controller != issuerId)
        {
            return new(IssuerBindingLevel.Contradiction, $"the key document says {keyId} is controlled by {controller}, not by the issuer {issuerId}");
        }

        if (Uri.TryCreate(issuerId, UriKind.Absolute, out var issuerUrl) && issuerUrl.Scheme is "https" or "http"
            && Uri.Compare(issuerUrl, keyUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return new(IssuerBindingLevel.Bound, $"the key {keyId} is published on the issuer's own origin");
        }

        return new(IssuerBindingLevel.Unproven, $"the key {keyId} is published outside the issuer's origin ({issuerId}): {AnyoneCouldHaveSigned}");
    }

    private static IssuerBindingResult ForDidKey(string issuerId, string keyId, string did, ResolvedKey? key)
    {
        var issuerDid = DidResolvers.SplitFragment(issuerId).Base;
        if (!issuerId.StartsWith("did:", StringComparison.Ordinal))
        {
            return new(IssuerBindingLevel.Unproven, $"the key {keyId} is a DID unrelated to the issuer {issuerId}: {AnyoneCouldHaveSigned}");
        }

        if (did != issuerDid)
        {
            return new(IssuerBindingLevel.Contradiction, $"the key {keyId} belongs to {did}, but the issuer is {issuerDid}");
        }

        if (key is not null && key.ListedForAssertion != true)
        {
            return new(IssuerBindingLevel.Contradiction, $"the issuer's DID document does not list {keyId} under assertionMethod");
        }

        return new(IssuerBindingLevel.Bound, $"the issuer's DID {issuerDid} lists {keyId} for assertions");
    }

    /// <summary>
    /// Records the binding as a check: contradictions fail; unproven forms warn, or fail under the strict policy.
    /// Returns the value for <c>VerificationInfo.IssuerKeyBound</c>.
    /// </summary>
    public static bool Report(IssuerBindingResult result, VerificationContext context, string checkId, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        switch (result.Level)
        {
            case IssuerBindingLevel.Bound:
                context.Checks.Pass(checkId, result.Message, subject);
                break;
            case IssuerBindingLevel.Unproven when context.Policy == IssuerPolicy.Lenient:
                context.Checks.Warn(checkId, result.Message + " (accepted only under the lenient policy)", subject);
                break;
            case IssuerBindingLevel.Unproven:
                context.Checks.Fail(checkId, result.Message + $" (refused under the {IssuerPolicyNames.Name(context.Policy)} issuer-binding policy; policy=lenient reports it as a warning)", subject);
                break;
            default:
                context.Checks.Fail(checkId, result.Message, subject);
                break;
        }

        return result.IssuerKeyBound;
    }
}
