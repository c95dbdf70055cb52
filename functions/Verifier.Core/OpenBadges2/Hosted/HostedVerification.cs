using System.Text.Json.Nodes;
using Verifier.Core.Fetching;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.OpenBadges2.Hosted;

/// <summary>
/// HostedBadge Verification: "the input data should only be trusted to identify the URI of the hosted verification
/// file, and upon loading the hosted verification file, the retrieved data should be used as the Assertion value."
/// A 410 Gone or a body with <c>revoked: true</c> means revoked (Revoking Hosted Assertions).
/// </summary>
public static class HostedVerification
{
    /// <summary>The URL a hosted assertion must be fetched from: its id (2.0, 1.1), verify.url (1.0), or where it was found (0.5).</summary>
    public static string? HostedUrl(JsonObject input, string version, Uri? sourceUrl)
    {
        var verification = (input["verification"] ?? input["verify"]) as JsonObject;
        return version switch
        {
            Ob2Version.V10 => JsonAccess.String(verification, "url") ?? JsonAccess.String(input, "id"),
            Ob2Version.V05 => sourceUrl?.AbsoluteUri,
            _ => JsonAccess.String(input, "id"),
        };
    }

    /// <summary>
    /// Fetches the authoritative copy (or reuses <paramref name="alreadyFetched"/> when the input came from that very
    /// URL). Returns null when verification cannot continue; revocation and fetch failures are recorded as checks.
    /// </summary>
    public static async Task<JsonObject?> LoadAsync(Ob2Session session, string url, JsonObject? alreadyFetched)
    {
        var checks = session.Checks;
        if (!JsonAccess.IsHttpUrl(url))
        {
            checks.Fail(Ob2CheckIds.AssertionFetch, $"a hosted assertion must be identified by an http(s) URL, not {url}", url);
            return null;
        }

        JsonObject? node;
        if (alreadyFetched is not null)
        {
            node = alreadyFetched;
            checks.Pass(Ob2CheckIds.AssertionFetch, $"the assertion was fetched from its hosted URL {url}", url);
        }
        else
        {
            var fetched = await session.FetchAsync(new Uri(url), FetchKind.Document).ConfigureAwait(false);
            node = JsonAccess.ParseObject(fetched.Body.Span);
            if (fetched.HttpStatusCode == 410)
            {
                var reason = JsonAccess.String(node, "revocationReason");
                checks.Fail(Ob2CheckIds.HostedRevoked, $"the issuer's server answers 410 Gone for {url}: the assertion is revoked{Reason(reason)}", url);
                return null;
            }

            if (!fetched.IsOk)
            {
                if (fetched.IsTransient)
                {
                    checks.Indeterminate(Ob2CheckIds.AssertionFetch, $"the hosted assertion could not be fetched: {fetched.Describe()}", url);
                }
                else
                {
                    checks.Fail(Ob2CheckIds.AssertionFetch, $"the hosted assertion could not be fetched: {fetched.Describe()}", url);
                }

                return null;
            }

            if (node is null)
            {
                checks.Fail(Ob2CheckIds.AssertionFetch, $"{url} did not answer with a JSON assertion", url);
                return null;
            }

            checks.Pass(Ob2CheckIds.AssertionFetch, $"fetched the hosted assertion from {url}", url);
        }

        if (JsonAccess.Boolean(node, "revoked") == true)
        {
            checks.Fail(Ob2CheckIds.HostedRevoked, $"the hosted assertion declares revoked: true{Reason(JsonAccess.String(node, "revocationReason"))}", url);
            return null;
        }

        checks.Pass(Ob2CheckIds.HostedRevoked, "the hosted assertion is not revoked", url);
        if (JsonAccess.String(node, "id") is { } declared && !string.Equals(declared, url, StringComparison.Ordinal))
        {
            checks.Warn(Ob2CheckIds.AssertionId, $"the assertion fetched from {url} declares its id as {declared}", url);
        }

        return node;
    }

    private static string Reason(string? reason) => reason is null ? string.Empty : $" (reason: {reason})";
}
