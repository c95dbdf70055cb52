namespace Verifier.Core.Tests.Conformance;

/// <summary>The reviewed verdict of each real-world file (offline, as of RealWorldTests.AsOf); why: docs/realworld.md.</summary>
internal static class RealWorldExpectations
{
    public sealed record Verdict(VerificationOutcome Outcome, string? FirstFailedCheck);

    public static readonly IReadOnlyDictionary<string, Verdict> Verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal)
    {
        ["badgr__0_5_basic_instance.json"] = new(VerificationOutcome.Invalid, "ob2.verification.method"),
        ["badgr__1_0_basic_instance.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["badgr__1_0_basic_instance_missing_badge_prop.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["badgr__1_0_basic_instance_with_bad_date.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["badgr__1_0_basic_issuer_invalid_json.json"] = new(VerificationOutcome.Invalid, "input.format"),
        ["badgr__2_0_assertion_embedded_badgeclass.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["badgr__baked_image.png"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["badgr__hacked-svg-with-embedded-script-tags.svg"] = new(VerificationOutcome.Invalid, "input.unbake"),
        ["badgr__unbaked_image.png"] = new(VerificationOutcome.Invalid, "input.unbake"),
        ["blocktrust__InvalidDIDKeyCredential.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["blocktrust__InvalidSignatureCredential.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["blocktrust__PrismCredentials.LatestCredential.b64jwt.txt"] = new(VerificationOutcome.Invalid, "ob3.jwt.header"),
        ["blocktrust__ValidCredential.json"] = new(VerificationOutcome.Invalid, "ob3.valid-until"),
        ["blocktrust__ValidCredential2.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["blocktrust__ValidCredentialWithoutProof.json"] = new(VerificationOutcome.Invalid, "ob3.proof"),
        ["dcbootcamp__signedCredential.json"] = new(VerificationOutcome.Indeterminate, "proof.dataIntegrity"),
        ["educred__theed_extracurricular_minimal_ho.json"] = new(VerificationOutcome.Invalid, "ob3.proof"),
        ["educred__theed_regular_embedded_ho.json"] = new(VerificationOutcome.Invalid, "ob3.proof"),
        ["learncard__AllFieldsCredential.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["learncard__SuperSkillsOprahCredential.json"] = new(VerificationOutcome.Valid, null),
        ["learncard__lcw_export_vc_participate.community.json"] = new(VerificationOutcome.Indeterminate, "proof.dataIntegrity"),
        ["learncard__lcw_export_vp.json"] = new(VerificationOutcome.Invalid, "ob3.parse"),
        ["mozbp__404.png"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["mozbp__unbaked.png"] = new(VerificationOutcome.Invalid, "input.unbake"),
        ["mozbp__unbaked.svg"] = new(VerificationOutcome.Invalid, "input.unbake"),
        ["mozbp__valid-baked.png"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["nti__assertion.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["nti__assertion2.json"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["nti__ichigo.png"] = new(VerificationOutcome.Invalid, "input.unbake"),
        ["obdisplayer__demobadge.png"] = new(VerificationOutcome.Indeterminate, "ob2.assertion.fetch"),
        ["vced__plugfest-1-ex-1.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["vced__plugfest-1-ex-2.json"] = new(VerificationOutcome.Invalid, "proof.dataIntegrity"),
        ["vced__signed_badge_example-p2.json"] = new(VerificationOutcome.Valid, null),
        ["vced__signed_badge_example-p3.json"] = new(VerificationOutcome.Valid, null),
        ["vplus__obv3_v1.json"] = new(VerificationOutcome.Valid, null),
        ["vplus__obv3_v2.json"] = new(VerificationOutcome.Valid, null),
        ["waltid__W3CExamples.compliantOpenBadgeCredential.jwt"] = new(VerificationOutcome.Valid, null),
        ["waltid__W3CExamples.noncompliantOpenBadgeCredential.jwt"] = new(VerificationOutcome.Valid, null),
        ["waltid__W3CExamples.ossIssuedW3CSdJwt.sdjwt"] = new(VerificationOutcome.Invalid, "input.format"),
        ["waltid__W3CExamples.waltidIssuedJoseSignedW3CCredential.jwt"] = new(VerificationOutcome.Invalid, "ob3.valid-until"),
        ["waltid__W3CExamples.waltidIssuedJoseSignedW3CCredentialInvalidSignature.jwt"] = new(VerificationOutcome.Invalid, "ob3.jwt.signature"),
        ["waltid__openbadgecredential_sample.expired.signed.jwt"] = new(VerificationOutcome.Invalid, "ob3.issuer-key"),
        ["waltid__openbadgecredential_sample.invalidnotbefore.signed.jwt"] = new(VerificationOutcome.Invalid, "ob3.issuer-key"),
        ["waltid__openbadgecredential_sample.invalidschema.signed.jwt"] = new(VerificationOutcome.Invalid, "ob3.issuer-key"),
        ["waltid__openbadgecredential_sample.signed.badsignature.jwt"] = new(VerificationOutcome.Invalid, "ob3.jwt.signature"),
        ["waltid__openbadgecredential_sample.signed.jwt"] = new(VerificationOutcome.Invalid, "ob3.issuer-key"),
    };
}
