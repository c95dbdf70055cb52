using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// A status list credential submitted on its own (an issuer's CI checking the list it publishes) is judged by the
/// same rules as a badge: the key must be the named issuer's (rule 3), so a list naming the real issuer but signed by
/// a forger is never valid, and a list the forger signs as itself speaks only for the forger. Its shape is checked as
/// a list: a list that cannot be read is invalid in every profile; one below the minimum size is a conformance error.
/// </summary>
public sealed class StatusListAloneAttacks
{
    private const string List = Real + "/lists/1";

    private static string Sign(TestKey key, JsonObject list, string? kid = null, JsonObject? jwk = null) =>
        OpenBadges3.Jwt.Sign(key, (JsonObject)list.DeepClone(), kid, jwk);

    /// <summary>An issuer's CI checking its own list: the conformance profile, the only one that accepts a list alone.</summary>
    private static void AsIssuer(VerifierOptions o) => o.Profile = VerificationProfile.Conformance;

    [Fact]
    public async Task ListAlone_SignedByRealIssuerKey_IsValidAsAListForItsIssuer()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Sign(world.RealKey, W.StatusList(List, W.IssuerId, [3]), W.KeyId), configure: AsIssuer);

        Expect.Valid(report);
        Assert.Contains("status list", Expect.Check(report, Ob3CheckIds.Type, CheckOutcome.Passed).Message, StringComparison.Ordinal);
        Expect.Check(report, Ob3CheckIds.Structure, CheckOutcome.Passed);
        Expect.IssuerProven(report, W.IssuerId, "issuer-document");
        Assert.Null(report.Badge?.Recipient);
        Assert.Equal("BitstringStatusListCredential", report.Badge?.Kind);
    }

    [Fact]
    public async Task ListAlone_GenuineUnderTheAuthenticityProfile_IsNoBadge()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Sign(world.RealKey, W.StatusList(List, W.IssuerId, [3]), W.KeyId));

        // A displayer asking "is this badge genuine?" never gets valid for a list, however genuine the list is.
        Expect.Invalid(report);
        Assert.Equal([Ob3CheckIds.Type], report.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Id));
        Expect.Check(report, Ob3CheckIds.JwtSignature, CheckOutcome.Passed);
        Assert.Equal("BitstringStatusListCredential", report.Badge?.Kind);
    }

    [Theory]
    [InlineData(IssuerPolicy.Default)]
    [InlineData(IssuerPolicy.Strict)]
    public async Task ListAlone_NamingRealIssuerSignedWithForgerHeaderJwk_IsInvalid(IssuerPolicy policy)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Sign(world.EvilKey, W.StatusList(List, W.IssuerId, []), jwk: world.EvilKey.Jwk()), policy, configure: AsIssuer);

        Expect.Invalid(report);
    }

    [Fact]
    public async Task ListAlone_NamingRealIssuerSignedWithKeyOnForgerOrigin_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        lab.Serve(Evil + "/keys/1", world.EvilKey.Jwk());

        var report = await lab.TextAsync(Sign(world.EvilKey, W.StatusList(List, W.IssuerId, []), Evil + "/keys/1"), configure: AsIssuer);

        Expect.Invalid(report);
    }

    [Fact]
    public async Task ListAlone_ForgerSigningAsItself_SpeaksOnlyForTheForger()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var forger = world.EvilKey;

        var report = await lab.TextAsync(Sign(forger, W.StatusList(List, forger.DidKey, []), forger.DidKeyUrl), configure: AsIssuer);

        Assert.NotEqual(W.IssuerId, report.Issuer?.Id);
        Assert.Equal(forger.DidKey, report.Issuer?.Id);
    }

    [Fact]
    public async Task ListAlone_AlteredAfterSigning_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var token = Sign(world.RealKey, W.StatusList(List, W.IssuerId, [3]), W.KeyId);
        var parts = token.Split('.');
        var cleared = W.StatusList(List, W.IssuerId, []);
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(cleared.ToJsonString()) + "." + parts[2];

        var report = await lab.TextAsync(tampered, configure: AsIssuer);

        Expect.Invalid(report);
    }

    [Theory]
    [InlineData(VerificationProfile.Authenticity)]
    [InlineData(VerificationProfile.Conformance)]
    public async Task ListAlone_EncodedListNotGzip_IsInvalidInEveryProfile(VerificationProfile profile)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var list = W.StatusList(List, W.IssuerId, []);
        list["credentialSubject"]!["encodedList"] = "u" + Base64UrlEncoder.Encode("not a gzip stream");

        var report = await lab.TextAsync(Sign(world.RealKey, list, W.KeyId), configure: o => o.Profile = profile);

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.Structure, CheckOutcome.Failed);
    }

    [Fact]
    public async Task ListAlone_WithoutStatusPurpose_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var list = W.StatusList(List, W.IssuerId, []);
        list["credentialSubject"]!.AsObject().Remove("statusPurpose");

        var report = await lab.TextAsync(Sign(world.RealKey, list, W.KeyId), configure: AsIssuer);

        Expect.Invalid(report);
    }

    [Theory]
    [InlineData(VerificationProfile.Authenticity, CheckOutcome.Warning)]
    [InlineData(VerificationProfile.Conformance, CheckOutcome.Failed)]
    public async Task ListAlone_BelowMinimumSize_IsAConformanceError(VerificationProfile profile, CheckOutcome expected)
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var list = W.StatusList(List, W.IssuerId, []);
        list["credentialSubject"]!["encodedList"] = Ob3Fixtures.EncodedList(800, 5);

        var report = await lab.TextAsync(Sign(world.RealKey, list, W.KeyId), configure: o => o.Profile = profile);

        var size = Assert.Single(report.Checks, c => c.Id == Ob3CheckIds.Structure && c.Class == CheckClass.Conformance);
        Assert.Equal(expected, size.Outcome);
        Assert.Contains("131072", size.Message, StringComparison.Ordinal);
        Expect.Invalid(report);
    }

    [Fact]
    public async Task ListAlone_Legacy2021_SignedByRealIssuerKey_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Sign(world.RealKey, W.StatusList(List, W.IssuerId, [1], legacy: true), W.KeyId), configure: AsIssuer);

        Expect.Valid(report);
    }

    [Fact]
    public async Task ListAlone_WithRecipientAsked_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Sign(world.RealKey, W.StatusList(List, W.IssuerId, []), W.KeyId), recipient: "learner@example.org", configure: AsIssuer);

        Expect.NotValid(report);
    }
}
