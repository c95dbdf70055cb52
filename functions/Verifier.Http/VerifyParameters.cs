using Microsoft.AspNetCore.Http;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;

namespace Verifier.Http;

/// <summary>
/// The options of a verification, from the query string (or, for forms, a field of the same name):
/// <c>recipient</c>, <c>policy</c> (default, strict or lenient), <c>profile</c> (authenticity or conformance),
/// <c>at</c> (ISO 8601 instant), <c>verbose=true</c>, <c>requireKnownIssuer</c> (true or false; absent: the
/// deployment's setting) and <c>image=true</c> (the badge image in the report as a data: URI).
/// </summary>
internal sealed record VerifyParameters(string? Recipient, IssuerPolicy? Policy, DateTimeOffset? At, bool Verbose, bool? RequireKnownIssuer = null)
{
    /// <summary>image=true: the report carries the badge image as <c>badge.imageData</c>.</summary>
    public bool Image { get; init; }

    private const int MaxRecipientChars = 512;

    /// <summary><c>profile=</c>: authenticity (the default) or conformance; null uses the deployment's <c>Verifier:Profile</c>.</summary>
    public VerificationProfile? Profile { get; init; }

    public static VerifyParameters? Parse(IQueryCollection query, IReadOnlyDictionary<string, string>? fields, out IResult? problem)
    {
        string? Get(string name) =>
            query.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : fields?.GetValueOrDefault(name);

        problem = null;
        var recipient = Get("recipient")?.Trim();
        if (recipient is { Length: > MaxRecipientChars })
        {
            problem = Problems.BadParameter($"'recipient' is longer than {MaxRecipientChars} characters.");
            return null;
        }

        IssuerPolicy? policy = null;
        if (Get("policy") is { Length: > 0 } policyText)
        {
            policy = IssuerPolicyNames.Parse(policyText);
            if (policy is null)
            {
                problem = Problems.BadParameter("'policy' must be 'default', 'strict' or 'lenient'.");
                return null;
            }
        }

        DateTimeOffset? at = null;
        if (Get("at") is { Length: > 0 } atText)
        {
            // An instant with an explicit offset, e.g. 2025-01-31T12:00:00Z; a bare date means midnight UTC. The same
            // grammar as the CLI's --at (Instants.ParseRequestInstant).
            if (Instants.ParseRequestInstant(atText) is not { } parsed)
            {
                problem = Problems.BadParameter($"'at' must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z, not '{atText}'.");
                return null;
            }

            at = parsed;
        }

        var verbose = false;
        if (Get("verbose") is { Length: > 0 } verboseText && !TryParseFlag(verboseText, out verbose))
        {
            problem = Problems.BadParameter("'verbose' must be 'true' or 'false'.");
            return null;
        }

        bool? requireKnownIssuer = null;
        if (Get("requireKnownIssuer") is { Length: > 0 } requireText)
        {
            if (!TryParseFlag(requireText, out var require))
            {
                problem = Problems.BadParameter("'requireKnownIssuer' must be 'true' or 'false'.");
                return null;
            }

            requireKnownIssuer = require;
        }

        VerificationProfile? profile = null;
        if (Get("profile") is { Length: > 0 } profileText)
        {
            profile = VerificationProfileNames.Parse(profileText);
            if (profile is null)
            {
                problem = Problems.BadParameter("'profile' must be 'authenticity' or 'conformance'.");
                return null;
            }
        }

        var image = false;
        if (Get("image") is { Length: > 0 } imageText && !TryParseFlag(imageText, out image))
        {
            problem = Problems.BadParameter("'image' must be 'true' or 'false'.");
            return null;
        }

        return new VerifyParameters(string.IsNullOrEmpty(recipient) ? null : recipient, policy, at, verbose, requireKnownIssuer) { Profile = profile, Image = image };
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes":
                value = true;
                return true;
            case "false" or "0" or "no":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
