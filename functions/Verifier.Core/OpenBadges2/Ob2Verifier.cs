using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Hosted;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.OpenBadges2.Signed;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges2;

/// <summary>
/// Open Badges 0.5, 1.0, 1.1 and 2.0 assertions, hosted or signed: detects the version, upgrades legacy forms to
/// the 2.0 model, then runs the 2.0 Verification steps (data validation, issuer scope or signature, revocation,
/// expiry, recipient) and fills the report's version, verification method and badge summary.
/// </summary>
public sealed class Ob2Verifier(IDocumentFetcher fetcher, RsaKeyCache keys, ParsedDocumentCache documents) : IBadgeFamilyVerifier
{
    private readonly SignedVerification _signed = new(keys);

    public BadgeFamily Family => BadgeFamily.OpenBadges2;

    public Task VerifyAsync(ResolvedPayload payload, VerificationContext context, CancellationToken cancellationToken)
    {
        var session = new Ob2Session(context, fetcher, cancellationToken, documents);
        switch (payload.Kind)
        {
            case PayloadKind.Jws:
                return VerifySignedAsync(session, payload.Text);
            case PayloadKind.Url:
                // The input URL did not answer with a badge (e.g. 404/410): fetch it as a hosted assertion to say why.
                return VerifyHostedAsync(session, (payload.SourceUrl ?? new Uri(payload.Text)).AbsoluteUri, null);
            default:
                var node = JsonAccess.ParseObject(payload.Text);
                if (node is null)
                {
                    context.Checks.Fail(Ob2CheckIds.Version, "the payload is not a JSON object");
                    return Task.CompletedTask;
                }

                return VerifyJsonAsync(session, node, payload.SourceUrl);
        }
    }

    private static async Task VerifyJsonAsync(Ob2Session session, JsonObject node, Uri? sourceUrl)
    {
        var checks = session.Checks;
        if (!SetVersion(session, node))
        {
            return;
        }

        var verification = (node["verification"] ?? node["verify"]) as JsonObject;
        var type = JsonAccess.String(verification, "type");
        if (type is "signed" or "SignedBadge")
        {
            checks.Fail(Ob2CheckIds.Method, "this assertion declares signed verification, but its signature is not here: verify the JWS (or the image it is baked into) instead");
            return;
        }

        if (type is not ("hosted" or "HostedBadge") && session.Version != Ob2Version.V05)
        {
            checks.Fail(Ob2CheckIds.Method, type is null
                ? "the assertion has no verification instructions (verification.type HostedBadge or SignedBadge)"
                : $"unknown verification type {type}");
            return;
        }

        var url = HostedVerification.HostedUrl(node, session.Version, sourceUrl);
        if (url is null)
        {
            checks.Fail(Ob2CheckIds.Method, "could not determine where to verify this assertion: it names no hosted URL and was not fetched from one");
            return;
        }

        checks.Pass(Ob2CheckIds.Method, $"hosted verification at {url}", url);
        var reuse = sourceUrl is not null && string.Equals(sourceUrl.AbsoluteUri, url, StringComparison.Ordinal) ? node : null;
        await VerifyHostedAsync(session, url, reuse).ConfigureAwait(false);
    }

    private static async Task VerifyHostedAsync(Ob2Session session, string url, JsonObject? reuse)
    {
        session.Context.Verification = new VerificationInfo { Method = "hosted", KeyId = null };
        var assertion = await HostedVerification.LoadAsync(session, url, reuse).ConfigureAwait(false);
        if (assertion is null)
        {
            session.Context.OpenBadgesVersion ??= session.Version;
            return;
        }

        if (reuse is null && !SetVersion(session, assertion))
        {
            return;
        }

        Upgrade(session, assertion, new Uri(url));
        var graph = new Ob2Graph(assertion);
        ValidateAssertion(session, assertion);
        if (await graph.LoadAsync(session).ConfigureAwait(false) && await PolicyIssuerAsync(session, graph).ConfigureAwait(false) is { } policy)
        {
            ScopeCheck.Run(JsonAccess.String(assertion, "id") ?? url, policy, session.Checks);
        }

        Finish(session, graph);
    }

    /// <summary>
    /// The Profile whose verification policy bounds the hosted scope. An embedded issuer is data from the assertion's
    /// own host, so its allowedOrigins / startsWith could widen the scope at will (or drop a narrowing policy): the
    /// policy is read from the Profile hosted at the issuer id. 0.5 and 1.0 issuers have no hosted 2.0 policy.
    /// </summary>
    private static async Task<JsonObject?> PolicyIssuerAsync(Ob2Session session, Ob2Graph graph)
    {
        if (graph.HostedIssuer is not null || session.Version is Ob2Version.V05 or Ob2Version.V10)
        {
            return graph.HostedIssuer ?? graph.Issuer;
        }

        var hosted = await graph.LoadHostedIssuerAsync(session).ConfigureAwait(false);
        if (hosted.Status == LoadStatus.Failed)
        {
            session.Checks.Fail(Ob2CheckIds.ScopeOrigin, "the hosted scope is set by the issuer Profile hosted at its id, which could not be loaded");
        }

        return hosted.IsLoaded ? hosted.Node : null;
    }

    private async Task VerifySignedAsync(Ob2Session session, string text)
    {
        var opened = SignedVerification.Open(text, session.Checks);
        if (opened is null || !SetVersion(session, opened.Value.Assertion))
        {
            return;
        }

        var (jws, assertion) = opened.Value;
        Upgrade(session, assertion, null);
        var type = JsonAccess.String(assertion["verification"] as JsonObject, "type");
        if (type is "signed" or "SignedBadge")
        {
            session.Checks.Pass(Ob2CheckIds.Method, "signed verification (JWS)");
        }
        else
        {
            session.Checks.Warn(Ob2CheckIds.Method, $"the JWS payload declares verification type {type ?? "(none)"}, not SignedBadge; verified as signed");
        }

        session.Context.Verification = new VerificationInfo { Method = "signed", Algorithm = SignedVerification.Algorithm };
        var graph = new Ob2Graph(assertion);
        ValidateAssertion(session, assertion);
        if (await graph.LoadAsync(session).ConfigureAwait(false))
        {
            await _signed.VerifyAsync(session, jws, graph).ConfigureAwait(false);
        }

        Finish(session, graph);
    }

    private static bool SetVersion(Ob2Session session, JsonObject node)
    {
        var version = Ob2Version.Detect(node);
        if (version is null)
        {
            session.Checks.Fail(Ob2CheckIds.Version, "the JSON is not recognisable as an Open Badges 0.5–2.0 assertion");
            return false;
        }

        session.Version = version;
        session.Context.OpenBadgesVersion = version;
        if (version == Ob2Version.V20 && node["@context"] is null)
        {
            session.Checks.Warn(Ob2CheckIds.Version, "the assertion has no @context; read as Open Badges 2.0");
        }
        else
        {
            session.Checks.Pass(Ob2CheckIds.Version, $"Open Badges {version} assertion");
        }

        return true;
    }

    private static void Upgrade(Ob2Session session, JsonObject assertion, Uri? sourceUrl)
    {
        var notes = LegacyUpgrader.UpgradeAssertion(assertion, session.Version, sourceUrl);
        if (notes.Count > 0)
        {
            session.Checks.Pass(Ob2CheckIds.Upgrade, $"Open Badges {session.Version} fields upgraded to 2.0: {string.Join("; ", notes)}");
        }
    }

    private static void ValidateAssertion(Ob2Session session, JsonObject assertion) =>
        StructureValidator.Report(session.Checks, Ob2CheckIds.StructureAssertion, "Assertion", JsonAccess.String(assertion, "id"),
            StructureValidator.Assertion(assertion, session.Legacy));

    private static void Finish(Ob2Session session, Ob2Graph graph)
    {
        var context = session.Context;
        DateChecks.Run(graph.Assertion, context.Now, context.Options.ClockSkew, session.Checks);
        RecipientCheck.Run(graph.Assertion, context.Request.Recipient, session.Checks);
        context.Badge = BadgeSummaryBuilder.Build(graph.Assertion, graph.BadgeClass, graph.Issuer);
    }
}
