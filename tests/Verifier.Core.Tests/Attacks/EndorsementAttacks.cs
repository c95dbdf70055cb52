using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 6 for endorsements: an endorsement's credentialSubject.id must be the id of what it sits on (the credential,
/// its achievement, its issuer). A genuine endorsement of something else, pasted onto this badge, makes its nested
/// report invalid and the badge warns — an endorsement never makes the badge itself invalid.
/// </summary>
public sealed class EndorsementAttacks
{
    [Fact]
    public async Task Endorsement_GenuineButAboutAnotherCredential_NestedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var endorser = TestKey.Ed25519();
        world.PublishIssuer(lab);
        var credential = W.Credential();
        credential["endorsementJwt"] = new JsonArray(Endorsement(endorser, Real + "/credentials/999"));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId));

        Expect.Valid(report);
        Expect.Invalid(Assert.Single(report.Endorsements!));
        Expect.Check(report, Ob3CheckIds.Endorsement, CheckOutcome.Warning);
        Expect.TopLevelWarning(report);
    }

    [Fact]
    public async Task Endorsement_OnAchievementButAboutTheIssuer_NestedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var endorser = TestKey.Ed25519();
        world.PublishIssuer(lab);
        var credential = W.Credential();
        credential["credentialSubject"]!["achievement"]!["endorsementJwt"] = new JsonArray(Endorsement(endorser, W.IssuerId));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId));

        Expect.Valid(report);
        Expect.Invalid(Assert.Single(report.Endorsements!));
        Expect.Check(report, Ob3CheckIds.Endorsement, CheckOutcome.Warning);
    }

    [Fact]
    public async Task Endorsement_SignedWithUnboundHeaderKey_NestedInvalidTopLevelWarns()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var endorser = TestKey.Ed25519();
        world.PublishIssuer(lab);
        var endorsement = EndorsementCredential(Evil + "/endorser", W.CredentialId);
        var credential = W.Credential();
        credential["endorsementJwt"] = new JsonArray(OpenBadges3.Jwt.Sign(endorser, Ob3Fixtures.Payload(endorsement), jwk: endorser.Jwk()));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId));

        Expect.Valid(report);
        Expect.Invalid(Assert.Single(report.Endorsements!));
        Expect.Check(report, Ob3CheckIds.Endorsement, CheckOutcome.Warning);
    }

    // ---- genuine twins ----

    [Fact]
    public async Task Endorsement_GenuineAboutTheCredentialItSitsOn_NestedValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var endorser = TestKey.Ed25519();
        world.PublishIssuer(lab);
        var credential = W.Credential();
        credential["endorsementJwt"] = new JsonArray(Endorsement(endorser, W.CredentialId));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId));

        Expect.Valid(report);
        Expect.Valid(Assert.Single(report.Endorsements!));
        Expect.Check(report, Ob3CheckIds.Endorsement, CheckOutcome.Passed);
    }

    [Fact]
    public async Task Endorsement_GenuineAboutTheAchievementItSitsOn_NestedValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        using var endorser = TestKey.Ed25519();
        world.PublishIssuer(lab);
        var credential = W.Credential();
        credential["credentialSubject"]!["achievement"]!["endorsementJwt"] = new JsonArray(Endorsement(endorser, W.AchievementId));

        var report = await lab.TextAsync(W.Jwt(world.RealKey, credential, kid: W.KeyId));

        Expect.Valid(report);
        Expect.Valid(Assert.Single(report.Endorsements!));
    }

    /// <summary>A genuine EndorsementCredential by a did:key endorser about <paramref name="subjectId"/>.</summary>
    private static string Endorsement(TestKey endorser, string subjectId) =>
        OpenBadges3.Jwt.Sign(endorser, Ob3Fixtures.Payload(EndorsementCredential(endorser.DidKey, subjectId)), kid: endorser.DidKeyUrl);

    private static JsonObject EndorsementCredential(string issuer, string subjectId)
    {
        var endorsement = Ob3Fixtures.Credential(issuerId: issuer, type: "EndorsementCredential");
        endorsement["id"] = Evil + "/endorsements/" + Uri.EscapeDataString(subjectId);
        endorsement["issuer"]!.AsObject().Remove("url");
        endorsement["issuer"]!["name"] = "An Endorser";
        endorsement["credentialSubject"] = new JsonObject
        {
            ["id"] = subjectId,
            ["type"] = new JsonArray("EndorsementSubject"),
            ["endorsementComment"] = "A fine badge.",
        };
        return endorsement;
    }
}
