using Verifier.Core.Engine;
using Verifier.Core.Reporting;

namespace Verifier.Core.Trust;

/// <summary>How strongly a key (or a hosted assertion) is tied to the issuer a badge names (docs/security.md rule 3).</summary>
internal enum BindingLevel
{
    /// <summary>Something the issuer controls names the key: its document, its DID document, or its DID is the key.</summary>
    Document,

    /// <summary>The issuer id's web origin served it (every tenant of a shared platform shares an origin).</summary>
    Origin,

    /// <summary>A form the specifications allow but that proves nothing about who signed.</summary>
    Unproven,

    /// <summary>The key or token contradicts the issuer: an error under every policy.</summary>
    Contradiction,

    /// <summary>The document that decides the binding could not be fetched (network, 5xx): indeterminate.</summary>
    Indeterminate,
}

/// <param name="Level">The binding level.</param>
/// <param name="Message">A sentence a person can act on.</param>
/// <param name="VerifiedBy">One of <see cref="IssuerProofs"/>' names when bound, else "none".</param>
/// <param name="Document">The URL (or DID) of what proves it.</param>
internal sealed record IssuerBindingResult(BindingLevel Level, string Message, string VerifiedBy = IssuerProofs.None, string? Document = null)
{
    /// <summary>Bound at document or origin level (what the report states as <c>issuerKeyBound</c>).</summary>
    public bool IssuerKeyBound => Level is BindingLevel.Document or BindingLevel.Origin;

    public static IssuerBindingResult Unproven(string message) => new(BindingLevel.Unproven, message);

    public static IssuerBindingResult Contradiction(string message) => new(BindingLevel.Contradiction, message);

    public static IssuerBindingResult Indeterminate(string message) => new(BindingLevel.Indeterminate, message);
}

/// <summary>The one place a binding level meets a policy (docs/security.md, "What valid promises").</summary>
internal static class IssuerBinding
{
    public const string AnyoneCouldHaveSigned = "anyone could have made this signature";

    /// <summary>Whether the policy accepts the binding as proof of the issuer.</summary>
    public static bool Accepts(IssuerPolicy policy, BindingLevel level) => level switch
    {
        BindingLevel.Document => true,
        BindingLevel.Origin => policy != IssuerPolicy.Strict,
        BindingLevel.Unproven => policy == IssuerPolicy.Lenient,
        _ => false,
    };

    /// <summary>
    /// Records the binding as a check under the context's policy: document level passes; origin level passes, or fails
    /// under strict; unproven fails, or warns under lenient; contradictions fail; an unfetchable deciding document is
    /// indeterminate. Returns <see cref="IssuerBindingResult.IssuerKeyBound"/>.
    /// </summary>
    public static bool Report(IssuerBindingResult result, VerificationContext context, string checkId, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var policy = context.Policy;
        var name = IssuerPolicyNames.Name(policy);
        switch (result.Level)
        {
            case BindingLevel.Document:
                context.Checks.Pass(checkId, result.Message, subject);
                break;
            case BindingLevel.Origin when policy != IssuerPolicy.Strict:
                context.Checks.Pass(checkId, result.Message + " (origin level: any publisher on that origin could have done the same; policy=strict refuses it)", subject);
                break;
            case BindingLevel.Origin:
                context.Checks.Fail(checkId, result.Message + " — refused under the strict policy, which requires the issuer's own document or DID to name the key", subject);
                break;
            case BindingLevel.Unproven when policy == IssuerPolicy.Lenient:
                context.Checks.Warn(checkId, result.Message + " (accepted only because policy=lenient)", subject);
                break;
            case BindingLevel.Unproven:
                context.Checks.Fail(checkId, result.Message + $" (refused under the {name} policy; policy=lenient reports it as a warning)", subject);
                break;
            case BindingLevel.Indeterminate:
                context.Checks.Indeterminate(checkId, result.Message, subject);
                break;
            default:
                context.Checks.Fail(checkId, result.Message, subject);
                break;
        }

        return result.IssuerKeyBound;
    }
}
