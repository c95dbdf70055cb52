using System.Text.Json.Nodes;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2.Hosted;

/// <summary>
/// HostedBadge Verification: "the input data should only be trusted to identify the URI of the hosted verification
/// file, and upon loading the hosted verification file, the retrieved data should be used as the Assertion value."
/// A 410 Gone or a body with <c>revoked: true</c> means revoked (Revoking Hosted Assertions).
/// </summary>
internal static class HostedVerification
{
    /// <summary>The URL a hosted assertion must be fetched from: its id (2.0, 1.1), verify.url (1.0), or where it was found (0.5).</summary>
    public static string? HostedUrl(JsonObject input, string version, Uri? sourceUrl)
    {
        var verification = (input["verification"] ?? input["verify"]) as JsonObject;
        return version switch
        {
            Ob2Version.V10 => JsonRead.String(verification, "url") ?? JsonRead.String(input, "id"),
            Ob2Version.V05 => sourceUrl?.AbsoluteUri,
            _ => JsonRead.String(input, "id"),
        };
    }

    /// <summary>
    /// Fetches the authoritative copy (or reuses <paramref name="alreadyFetched"/>, the document the input URL answered
    /// with, when that answer speaks for <paramref name="url"/>). Returns the assertion and the URL it speaks for
    /// (docs/security.md rule 1: the final URL, never a declared id that does not confirm itself), or null when
    /// verification cannot continue; revocation and fetch failures are recorded as checks.
    /// </summary>
    public static async Task<(JsonObject Node, Uri Identity)?> LoadAsync(Ob2Session session, string url, (JsonObject Node, Uri Identity)? alreadyFetched)
    {
        var checks = session.Checks;
        if (WebIdentity.HttpUrl(url) is not { } uri)
        {
            checks.Fail(Ob2CheckIds.AssertionFetch, $"a hosted assertion must be identified by an http(s) URL, not {url}", url);
            return null;
        }

        JsonObject? node;
        Uri identity;
        if (alreadyFetched is { } reused)
        {
            (node, identity) = reused;
            checks.Pass(Ob2CheckIds.AssertionFetch, $"the assertion was fetched from its hosted URL {url}", url);
        }
        else
        {
            var fetched = await session.FetchAsync(uri, FetchKind.Document).ConfigureAwait(false);
            node = JsonRead.ParseObject(fetched.Body.Span);
            if (!Answered(checks, fetched, node, url))
            {
                return null;
            }

            var identified = await DocumentIdentity.ConfirmAsync(
                fetched, JsonRead.String(node, "id"), u => session.FetchAsync(u, FetchKind.Document), body => JsonRead.String(JsonRead.ParseObject(body.Span), "id")).ConfigureAwait(false);
            if (!identified.IsConfirmed)
            {
                // The copy claims an id that does not confirm it: it speaks for no assertion (rule 1).
                if (identified.Status == IdentityStatus.Unavailable)
                {
                    checks.Indeterminate(Ob2CheckIds.AssertionId, identified.Problem!, url);
                }
                else
                {
                    checks.Fail(Ob2CheckIds.AssertionId, identified.Problem!, url);
                }

                return null;
            }

            identity = identified.ServedFrom;
            if (identified.Refetched)
            {
                node = JsonRead.ParseObject(identified.Fetch.Body.Span);
                if (!Answered(checks, identified.Fetch, node, identity.AbsoluteUri))
                {
                    return null;
                }

                checks.Pass(Ob2CheckIds.AssertionId, $"the assertion fetched from {url} declares its id as {identified.Identity}, which serves the assertion itself: that copy is verified", url);
            }
        }

        if (JsonRead.Boolean(node, "revoked") == true)
        {
            checks.Fail(Ob2CheckIds.HostedRevoked, $"the hosted assertion declares revoked: true{Reason(JsonRead.String(node, "revocationReason"))}", url);
            return null;
        }

        checks.Pass(Ob2CheckIds.HostedRevoked, "the hosted assertion is not revoked", url);
        return (node!, identity);
    }

    /// <summary>410 Gone (revoked), fetch failures and non-JSON answers become checks; true when the answer is an assertion.</summary>
    private static bool Answered(CheckCollector checks, FetchResult fetched, JsonObject? node, string url)
    {
        if (fetched.HttpStatusCode == 410)
        {
            var reason = JsonRead.String(node, "revocationReason");
            checks.Fail(Ob2CheckIds.HostedRevoked, $"the issuer's server answers 410 Gone for {url}: the assertion is revoked{Reason(reason)}", url);
            return false;
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

            return false;
        }

        if (node is null)
        {
            checks.Fail(Ob2CheckIds.AssertionFetch, $"{url} did not answer with a JSON assertion", url);
            return false;
        }

        checks.Pass(Ob2CheckIds.AssertionFetch, $"fetched the hosted assertion from {url}", url);
        return true;
    }

    private static string Reason(string? reason) => reason is null ? string.Empty : $" (reason: {reason})";
}
