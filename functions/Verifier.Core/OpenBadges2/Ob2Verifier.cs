using System.Text.Json.Nodes;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Images;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Checks;
using Verifier.Core.OpenBadges2.Endorsements;
using Verifier.Core.OpenBadges2.Hosted;
using Verifier.Core.OpenBadges2.Model;
using Verifier.Core.OpenBadges2.Signed;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges2;

/// <summary>
/// Open Badges 0.5, 1.0, 1.1 and 2.0 assertions, hosted or signed: detects the version, upgrades legacy forms to
/// the 2.0 model, then runs the 2.0 Verification steps (data validation, issuer scope or signature, revocation,
/// expiry, recipient) and fills the report's version, verification method and badge summary.
/// </summary>
internal sealed class Ob2Verifier(IDocumentFetcher fetcher, RsaKeyCache keys, ParsedDocumentCache documents, BadgeImageCheck images) : IBadgeFamilyVerifier
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
                var node = JsonRead.ParseObject(payload.Text);
                if (node is null)
                {
                    context.Checks.Fail(Ob2CheckIds.Version, "the payload is not a JSON object");
                    return Task.CompletedTask;
                }

                return VerifyJsonAsync(session, node, payload);
        }
    }

    private async Task VerifyJsonAsync(Ob2Session session, JsonObject node, ResolvedPayload payload)
    {
        var checks = session.Checks;
        if (!SetVersion(session, node))
        {
            return;
        }

        var verification = (node["verification"] ?? node["verify"]) as JsonObject;
        var type = JsonRead.String(verification, "type");
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

        // The JSON the input URL answered with speaks for the URL that answer speaks for (docs/security.md rule 1).
        var source = payload.EmbeddedIn is null ? payload.Source : null;
        var url = session.Version == Ob2Version.V05 ? source?.ServedFrom.AbsoluteUri : HostedVerification.HostedUrl(node, session.Version, payload.SourceUrl);
        if (url is null)
        {
            checks.Fail(Ob2CheckIds.Method, "could not determine where to verify this assertion: it names no hosted URL and was not fetched from one");
            return;
        }

        checks.Pass(Ob2CheckIds.Method, $"hosted verification at {url}", url);

        // "The input data should only be trusted to identify the URI of the hosted verification file": the input is
        // reused only when it is that file, as the URL it came from answered it.
        (JsonObject, Uri)? reuse = source is not null && WebIdentity.HttpUrl(url) is { } hosted && source.SpeaksFor(hosted) ? (node, source.ServedFrom) : null;
        await VerifyHostedAsync(session, url, reuse).ConfigureAwait(false);
    }

    private async Task VerifyHostedAsync(Ob2Session session, string url, (JsonObject Node, Uri Identity)? reuse)
    {
        session.Context.Verification = new VerificationInfo { Method = "hosted", KeyId = null };
        var loaded = await HostedVerification.LoadAsync(session, url, reuse).ConfigureAwait(false);
        if (loaded is not { } hosted)
        {
            session.Context.OpenBadgesVersion ??= session.Version;
            return;
        }

        var (assertion, identity) = hosted;
        if (reuse is null && !SetVersion(session, assertion))
        {
            return;
        }

        Upgrade(session, assertion, identity);
        var graph = new Ob2Graph(assertion);
        ValidateAssertion(session, assertion);
        Task<ImageFinding?>? image = null;
        if (await graph.LoadAsync(session).ConfigureAwait(false))
        {
            image = InspectImage(session, graph);
            await ScopeAsync(session, graph, identity).ConfigureAwait(false);
        }

        await RecordImageAsync(session, image).ConfigureAwait(false);
        Finish(session, graph);
        await Ob2Endorsements.RunAsync(graph, session.Context, VerifyAsync, session.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The hosted scope (docs/security.md rule 2), on the URL the assertion was served from. A 2.0 Profile's policy is
    /// read from the Profile hosted at the issuer id — an embedded issuer is data from the assertion's own host, whose
    /// allowedOrigins could widen the scope at will. 0.5/1.0 issuers are identified by their origin, 1.1 by their
    /// hosted Profile, and none of them carries a policy.
    /// </summary>
    private static async Task ScopeAsync(Ob2Session session, Ob2Graph graph, Uri assertion)
    {
        if (session.Version is Ob2Version.V05 or Ob2Version.V10)
        {
            var issuer = graph.HostedIssuer ?? graph.Issuer;
            var claimed = JsonRead.String(issuer, "url") ?? JsonRead.String(issuer, "origin") ?? JsonRead.String(issuer, "id");
            if (WebIdentity.HttpUrl(claimed) is not { } origin)
            {
                session.Checks.Fail(Ob2CheckIds.ScopeOrigin, $"the {session.Version} issuer names no http(s) origin ({claimed ?? "none"}) to host assertions on", assertion.AbsoluteUri);
                return;
            }

            if (ScopeCheck.Run(assertion, origin, null, session.Checks) is { } legacyProof)
            {
                session.Proven = new(WebIdentity.OriginOf(origin), legacyProof, assertion.AbsoluteUri, Ob2CheckIds.ScopeOrigin);
            }

            return;
        }

        var hosted = await graph.LoadHostedIssuerAsync(session).ConfigureAwait(false);
        if (!hosted.IsLoaded || hosted.ServedFrom is not { } issuerIdentity)
        {
            if (hosted.Status == LoadStatus.Failed)
            {
                session.Checks.Fail(Ob2CheckIds.ScopeOrigin, "the hosted scope is set by the issuer Profile hosted at its id, which could not be loaded");
            }

            return;
        }

        var policy = session.Version == Ob2Version.V20 ? hosted.Node : null;
        if (ScopeCheck.Run(assertion, issuerIdentity, policy, session.Checks) is { } proof
            && (session.Version != Ob2Version.V20 || graph.BadgeClassServedFrom is not { } badgeClass
                || BadgeClassScopeCheck.Run(badgeClass, issuerIdentity, policy, session.Checks)))
        {
            session.Proven = new(issuerIdentity.AbsoluteUri, proof, issuerIdentity.AbsoluteUri, Ob2CheckIds.ScopeOrigin);
        }
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
        var type = JsonRead.String(assertion["verification"] as JsonObject, "type");
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
        Task<ImageFinding?>? image = null;
        if (await graph.LoadAsync(session).ConfigureAwait(false))
        {
            image = InspectImage(session, graph);
            await _signed.VerifyAsync(session, jws, graph).ConfigureAwait(false);
        }

        await RecordImageAsync(session, image).ConfigureAwait(false);
        Finish(session, graph);
        await Ob2Endorsements.RunAsync(graph, session.Context, VerifyAsync, session.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The BadgeClass image, fetched beside the scope or signature checks (top level only; ob2.image).</summary>
    private Task<ImageFinding?>? InspectImage(Ob2Session session, Ob2Graph graph) =>
        session.Context.NestedAs is null && session.Context.AttachedTo is null
            ? images.InspectAsync(BadgeImageCheck.ImageId(graph.BadgeClass?["image"]), session.CancellationToken)
            : null;

    private static async Task RecordImageAsync(Ob2Session session, Task<ImageFinding?>? image)
    {
        if (image is not null)
        {
            BadgeImageCheck.Record(await image.ConfigureAwait(false), session.Checks, Ob2CheckIds.Image,
                "OB 2.0 BadgeClass: \"This must be a PNG or SVG image\"", required: true);
        }
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

    private static void ValidateAssertion(Ob2Session session, JsonObject assertion)
    {
        if (EndorsementRules.IsEndorsement(assertion))
        {
            StructureValidator.Report(session.Checks, Ob2CheckIds.StructureEndorsement, "Endorsement", JsonRead.String(assertion, "id"), EndorsementRules.Validate(assertion));
            EndorsementRules.CheckAttachedTo(assertion, session.Context);
            return;
        }

        StructureValidator.Report(session.Checks, Ob2CheckIds.StructureAssertion, "Assertion", JsonRead.String(assertion, "id"),
            StructureValidator.Assertion(assertion, session.Legacy));
    }

    private static void Finish(Ob2Session session, Ob2Graph graph)
    {
        var context = session.Context;
        DateChecks.Run(graph.Assertion, context.Now, context.Options.ClockSkew, session.Checks);
        RecipientCheck.Run(graph.Assertion, context.Request.Recipient, session.Checks);

        // The hosted Profile is the issuer's own word; an embedded copy is only the badge's claim about it.
        var issuer = graph.HostedIssuer ?? graph.Issuer;
        context.Badge = BadgeSummaryBuilder.Build(graph.Assertion, graph.BadgeClass, issuer);
        var proven = session.Proven;
        if (proven is not null && IssuerProofs.IsOriginLevel(proven.VerifiedBy) && context.Policy == IssuerPolicy.Strict)
        {
            session.Checks.Fail(proven.CheckId, $"the issuer is proven only by the origin {proven.Identity} serving the badge, which any publisher on that origin could do: refused under the strict policy, which requires the issuer's own Profile to name the key or the assertion's URL prefix");
            proven = null;
        }

        IssuerReport.Set(context, proven?.Identity ?? graph.HostedIssuerIdentity?.AbsoluteUri ?? graph.IssuerId, proven?.VerifiedBy, proven?.Document,
            JsonRead.String(issuer, "name"), JsonRead.String(issuer, "url"));
    }
}
