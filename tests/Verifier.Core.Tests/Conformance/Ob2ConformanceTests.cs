namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// Open Badges 0.5–2.0 conformance over ../shared/conformance/ob2 (expected outcomes from its MANIFEST.md). Runs
/// every case, prints the pass count, and fails listing the cases that did not meet expectations.
/// </summary>
[Trait("Category", "Conformance")]
public class Ob2ConformanceTests(ITestOutputHelper output)
{
    private const string Assertion = "https://example.org/beths-robotics-badge.json";
    private const string Badge = "https://example.org/robotics-badge.json";
    private const string Issuer = "https://example.org/organization.json";
    private const string Key = "https://example.org/publicKey.json";
    private const string Revocations = "https://example.org/revocationList.json";
    private const string Recipient = "nobody@example.org";

    private sealed record Case(string Name, Func<SharedFixtureSite, Task<VerificationReport>> Run, Func<VerificationReport, bool> Expect);

    [SkippableFact]
    public async Task Ob2Fixtures_MeetManifestExpectations()
    {
        var root = SharedFolder.Require("conformance/ob2");
        var failures = new List<string>();
        var cases = Cases();
        foreach (var c in cases)
        {
            await using var site = await SharedFixtureSite.StartAsync(root);
            var report = await c.Run(site);
            if (!c.Expect(report))
            {
                failures.Add($"{c.Name}: {report.Outcome}\n    " + string.Join("\n    ", report.Checks.Select(x => $"{x.Id} {x.Outcome} {x.Message}")));
            }
        }

        output.WriteLine($"OB2 conformance: {cases.Count - failures.Count}/{cases.Count} passed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Func<VerificationReport, bool> Valid => r => r.Outcome == VerificationOutcome.Valid;

    private static byte[] MovedBadge(SharedFixtureSite s) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(s.Read("validator-core/2_0_basic_badgeclass.json"))
            .Replace("robotics-badge.json", "robotics-badge-moved.json", StringComparison.Ordinal));

    private static Func<VerificationReport, bool> Fails(string checkId) =>
        r => r.Outcome == VerificationOutcome.Invalid && r.Checks.Any(c => c.Id == checkId && c.Outcome == CheckOutcome.Failed);

    private static Func<VerificationReport, bool> And(Func<VerificationReport, bool> a, Func<VerificationReport, bool> b) => r => a(r) && b(r);

    private static Func<VerificationReport, bool> Has(string checkId, CheckOutcome outcome) =>
        r => r.Checks.Any(c => c.Id == checkId && c.Outcome == outcome);

    /// <summary>The 2.0 basic issuer graph (validator-core test components) plus the hosted assertion fixture given.</summary>
    private static SharedFixtureSite Hosted(SharedFixtureSite site, string assertion, string? issuer = null) => site
        .Serve(Assertion, assertion)
        .Serve(Badge, "validator-core/2_0_basic_badgeclass.json")
        .Serve(Issuer, issuer ?? "validator-core/2_0_basic_issuer.json");

    private static SharedFixtureSite Signed(SharedFixtureSite site, string issuer = "derived/signed/issuer.json", string revocations = "derived/signed/revocationList_empty.json") => site
        .Serve(Badge, "validator-core/2_0_basic_badgeclass.json")
        .Serve(Issuer, issuer)
        .Serve(Key, "derived/signed/publicKey.json")
        .Serve(Revocations, revocations);

    private static Task<VerificationReport> FromUrl(SharedFixtureSite site, string url = Assertion, string? recipient = null) =>
        site.VerifyAsync(VerificationInput.FromUrl(new Uri(url)), recipient);

    private static Task<VerificationReport> FromImage(SharedFixtureSite site, string relative) =>
        site.VerifyAsync(VerificationInput.FromBytes(site.Read(relative)));

    private static SharedFixtureSite WithBadgeImage(SharedFixtureSite site, string image, string mediaType)
    {
        var badge = System.Text.Json.Nodes.JsonNode.Parse(site.Read("validator-core/2_0_basic_badgeclass.json"))!.AsObject();
        badge["image"] = $"data:{mediaType};base64,{Convert.ToBase64String(site.Read(image))}";
        return site.Serve(Assertion, "validator-core/2_0_basic_assertion.json")
            .ServeBytes(Badge, Encoding.UTF8.GetBytes(badge.ToJsonString()), "application/ld+json")
            .Serve(Issuer, "validator-core/2_0_basic_issuer.json");
    }

    private static Task<VerificationReport> FromFile(SharedFixtureSite site, string relative, string? recipient = null) =>
        site.VerifyAsync(VerificationInput.FromText(Encoding.UTF8.GetString(site.Read(relative))), recipient);

    private static List<Case> Cases() =>
    [
        // validator-core: verify(url) of the 2.0 basic graph has no messages; the recipient hash is of nobody@example.org + deadsea.
        new("2.0 basic hosted, recipient", s => FromUrl(Hosted(s, "validator-core/2_0_basic_assertion.json"), recipient: Recipient),
            And(Valid, Has(Ob2CheckIds.Recipient, CheckOutcome.Passed))),
        new("2.0 basic hosted, other recipient", s => FromUrl(Hosted(s, "validator-core/2_0_basic_assertion.json"), recipient: "somebody@example.org"),
            Fails(Ob2CheckIds.Recipient)),
        new("2.0 basic as JSON input", s => FromFile(Hosted(s, "validator-core/2_0_basic_assertion.json"), "validator-core/2_0_basic_assertion.json"), Valid),
        // docs/security.md rule 1: a node declaring another id speaks for no one unless that id serves it too.
        new("BadgeClass declaring an id that does not serve it is refused", s => FromUrl(s.Serve(Assertion, "validator-core/2_0_basic_assertion.json")
                .ServeBytes(Badge, MovedBadge(s), "application/json")
                .Serve(Issuer, "validator-core/2_0_basic_issuer.json")),
            Fails(Ob2CheckIds.NodeId)),
        new("BadgeClass declaring an id that serves it too is that copy", s => FromUrl(s.Serve(Assertion, "validator-core/2_0_basic_assertion.json")
                .ServeBytes(Badge, MovedBadge(s), "application/json").ServeBytes(Badge.Replace(".json", "-moved.json", StringComparison.Ordinal), MovedBadge(s), "application/json")
                .Serve(Issuer, "validator-core/2_0_basic_issuer.json")),
            And(Valid, Has(Ob2CheckIds.NodeId, CheckOutcome.Passed))),
        new("1.1 basic hosted", s => FromUrl(s.Serve(Assertion, "validator-core/1_1_basic_assertion.json")
                .Serve(Badge, "validator-core/1_1_basic_badgeclass.json").Serve(Issuer, "validator-core/1_1_basic_issuer.json"), recipient: Recipient),
            r => Valid(r) && r.OpenBadgesVersion == "1.1"),
        new("1.0 basic JSON input switches to verify.url", s => FromFile(s.Serve("http://a.com/instance", "validator-core/1_0_basic_assertion.json")
                .Serve("http://a.com/badgeclass", "validator-core/1_0_basic_badgeclass.json").Serve("http://a.com/issuer", "validator-core/1_0_basic_issuer.json"),
                "validator-core/1_0_basic_assertion.json", "test@example.com"),
            r => Valid(r) && r.OpenBadgesVersion == "1.0" && AssertionFetched(r)),
        new("0.5 JSON without a URL cannot be verified", s => FromFile(s, "validator-core/0_5_assertion.json"),
            r => Fails(Ob2CheckIds.Method)(r) && r.OpenBadgesVersion == "0.5"),
        new("0.5.1 hosted at its issuer origin, hashed recipient", s => FromUrl(s.Serve("http://oldstyle.com/assertion.json", "validator-core/0_5_1_assertion.json"),
                "http://oldstyle.com/assertion.json", "test@example.com"),
            r => Valid(r) && r.OpenBadgesVersion == "0.5" && Has(Ob2CheckIds.Recipient, CheckOutcome.Passed)(r)),

        // derived/hosted: spec rules.
        new("expired", s => FromUrl(Hosted(s, "derived/hosted/assertion_expired.json")), Fails(Ob2CheckIds.Expires)),
        new("issued in future", s => FromUrl(Hosted(s, "derived/hosted/assertion_issued_in_future.json")), Fails(Ob2CheckIds.IssuedOn)),
        new("expires before issue", s => FromUrl(Hosted(s, "derived/hosted/assertion_expires_before_issue.json")), Fails(Ob2CheckIds.Expires)),
        new("datetime without zone", s => FromUrl(Hosted(s, "derived/hosted/assertion_datetime_no_tz.json")), Fails(Ob2CheckIds.StructureAssertion)),
        new("revoked: true body", s => FromUrl(Hosted(s, "derived/hosted/assertion_full_with_revoked_true.json")), Fails(Ob2CheckIds.HostedRevoked)),
        new("revoked body served with 410", s => FromFile(Hosted(s, "validator-core/2_0_basic_assertion.json")
                .Serve(Assertion, "derived/hosted/assertion_revoked_body_serve_with_410.json", 410), "validator-core/2_0_basic_assertion.json"),
            Fails(Ob2CheckIds.HostedRevoked)),
        new("hosted on another origin", s => FromUrl(s.Serve("https://evil.example.net/beths-robotics-badge.json", "derived/hosted/assertion_hosted_on_other_origin.json")
                .Serve(Badge, "validator-core/2_0_basic_badgeclass.json").Serve(Issuer, "validator-core/2_0_basic_issuer.json"), "https://evil.example.net/beths-robotics-badge.json"),
            Fails(Ob2CheckIds.ScopeOrigin)),
        new("embedded badge and issuer", s => FromUrl(Hosted(s, "derived/hosted/assertion_embedded_badge_issuer.json"), recipient: Recipient), Valid),
        new("plain email recipient", s => FromUrl(Hosted(s, "derived/hosted/assertion_plain_email_recipient.json"), recipient: Recipient),
            And(Valid, Has(Ob2CheckIds.Recipient, CheckOutcome.Passed))),
        new("uppercase hash", s => FromUrl(Hosted(s, "derived/hosted/assertion_uppercase_hash.json"), recipient: Recipient),
            And(Valid, Has(Ob2CheckIds.Recipient, CheckOutcome.Passed))),
        new("issuer allowedOrigins mismatch", s => FromUrl(Hosted(s, "validator-core/2_0_basic_assertion.json", "derived/hosted/issuer_allowedOrigins_mismatch.json")),
            Fails(Ob2CheckIds.ScopeOrigin)),
        new("issuer startsWith mismatch", s => FromUrl(Hosted(s, "validator-core/2_0_basic_assertion.json", "derived/hosted/issuer_startsWith_mismatch.json")),
            Fails(Ob2CheckIds.ScopeStartsWith)),
        new("issuer startsWith list match", s => FromUrl(Hosted(s, "validator-core/2_0_basic_assertion.json", "derived/hosted/issuer_startsWith_list_match.json")), Valid),

        // derived/signed.
        new("signed valid", s => FromFile(Signed(s), "derived/signed/assertion_valid.jws", Recipient),
            r => Valid(r) && r.Verification?.Method == "signed" && r.Verification.KeyId == Key),
        new("signed revoked with reason", s => FromFile(Signed(s, revocations: "derived/signed/revocationList_revoked.json"), "derived/signed/assertion_valid.jws"),
            r => Fails(Ob2CheckIds.Revocation)(r) && r.Checks.Any(c => c.Id == Ob2CheckIds.Revocation && c.Message.Contains("A good reason, for sure", StringComparison.Ordinal))),
        new("signed tampered", s => FromFile(Signed(s), "derived/signed/assertion_tampered.jws"), Fails(Ob2CheckIds.SignatureVerify)),
        new("signed with wrong key", s => FromFile(Signed(s), "derived/signed/assertion_wrong_key.jws"), Fails(Ob2CheckIds.SignatureVerify)),
        new("HS256 rejected", s => FromFile(Signed(s), "derived/signed/assertion_alg_hs256_unsigned.jws"),
            r => Fails(Ob2CheckIds.SignatureAlgorithm)(r) && NoKeyFetched(r)),
        new("key not listed by issuer", s => FromFile(Signed(s, issuer: "derived/signed/issuer_key_not_listed.json"), "derived/signed/assertion_valid.jws"),
            Fails(Ob2CheckIds.SignatureKey)),
        new("issuer with several keys", s => FromFile(Signed(s, issuer: "derived/signed/issuer_multiple_keys.json"), "derived/signed/assertion_valid.jws"), Valid),
        new("no creator: try issuer keys", s => FromFile(Signed(s, issuer: "derived/signed/issuer_multiple_keys.json"), "derived/signed/assertion_no_creator.jws"), Valid),
        new("expired with valid signature", s => FromFile(Signed(s), "derived/signed/assertion_expired_valid_sig.jws"),
            r => Fails(Ob2CheckIds.Expires)(r) && Has(Ob2CheckIds.SignatureVerify, CheckOutcome.Passed)(r)),

        // derived/png and derived/svg: baked forms of the same badges (after unbaking, the same verification).
        new("PNG iTXt with 2.0 JSON", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/png/baked_2_0_assertion_itxt.png"), Valid),
        new("PNG iTXt with assertion URL", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/png/baked_2_0_url_itxt.png"), Valid),
        new("PNG iTXt before IEND", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/png/baked_itxt_before_iend.png"), Valid),
        new("PNG iTXt with signed JWS", s => FromImage(Signed(s), "derived/png/baked_jws_itxt.png"), r => Valid(r) && r.Verification?.Method == "signed"),
        new("PNG 1.0 tEXt URL", s => FromImage(s.Serve("http://a.com/instance", "validator-core/1_0_basic_assertion.json")
                .Serve("http://a.com/badgeclass", "validator-core/1_0_basic_badgeclass.json").Serve("http://a.com/issuer", "validator-core/1_0_basic_issuer.json"),
                "derived/png/baked_1_0_url_text_legacy.png"),
            r => Valid(r) && r.OpenBadgesVersion == "1.0"),
        new("PNG without a badge", s => FromImage(s, "derived/png/unbaked_other_itxt_only.png"), r => r.Outcome == VerificationOutcome.Invalid),
        new("SVG verify attribute", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_hosted_verify_attr_only.svg"), Valid),
        new("SVG verify and CDATA", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_hosted_verify_and_cdata.svg"), Valid),
        new("SVG CDATA only", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_cdata_only.svg"), Valid),
        new("SVG other prefix, same namespace", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_other_prefix_same_ns.svg"), Valid),
        new("SVG signed verify attribute", s => FromImage(Signed(s), "derived/svg/baked_signed_verify_attr.svg"), r => Valid(r) && r.Verification?.Method == "signed"),
        new("SVG with script still verifies its badge", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_with_script_XSS.svg"), Valid),
        new("SVG with external entity is refused", s => FromImage(Hosted(s, "validator-core/2_0_basic_assertion.json"), "derived/svg/baked_xxe_INVALID.svg"),
            r => r.Outcome == VerificationOutcome.Invalid && !r.Checks.Any(c => c.Message.Contains("root:", StringComparison.Ordinal))),

        // validator-core image data URIs as the BadgeClass image: PNG and SVG pass, JPEG fails.
        new("BadgeClass image data URI PNG", s => FromUrl(WithBadgeImage(s, "validator-core/datauri_1x1.png", "image/png")), Valid),
        new("BadgeClass image data URI SVG", s => FromUrl(WithBadgeImage(s, "validator-core/datauri_circle.svg", "image/svg+xml")), Valid),
        new("BadgeClass image data URI JPEG", s => FromUrl(WithBadgeImage(s, "validator-core/datauri_1x1.jpg", "image/jpeg")), Fails(Ob2CheckIds.StructureBadgeClass)),

        // spec-v2 examples.
        new("spec hosted example (expired 2017-06-30)", s => FromUrl(s.Serve(Assertion, "spec-v2/hosted_assertion_example.json")
                .Serve(Badge, "validator-core/2_0_basic_badgeclass.json").Serve(Issuer, "spec-v2/issuer_example.json")),
            Fails(Ob2CheckIds.Expires)),
        new("spec revoked hosted example served with 410", s => FromUrl(s.Serve(Assertion, "spec-v2/revoked_hosted_assertion_example.json", 410)),
            Fails(Ob2CheckIds.HostedRevoked)),
        new("spec signed example is not verifiable", s => FromFile(s.Host("example.org"), "spec-v2/signed_assertion_example.jws"),
            r => r.Outcome == VerificationOutcome.Invalid),
    ];

    private static bool AssertionFetched(VerificationReport r) => r.Checks.Any(c => c.Id == Ob2CheckIds.AssertionFetch && c.Outcome == CheckOutcome.Passed);

    private static bool NoKeyFetched(VerificationReport r) => !r.Checks.Any(c => c.Id == Ob2CheckIds.KeyFetch);
}
