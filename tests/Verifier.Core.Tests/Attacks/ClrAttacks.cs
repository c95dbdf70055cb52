using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 6 for CLR 2.0: every AchievementCredential nested in a ClrCredential must be about the CLR's own subject, the
/// expected recipient is matched against each nested credential, and a nested credential's warnings show at the top.
/// The attack: a transcript signed for mallory that carries the victim's genuine real.edu credential.
/// </summary>
public sealed class ClrAttacks
{
    [Fact]
    public async Task Clr_NestedGenuineCredentialAboutAnotherSubject_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var aggregator = world.EvilKey;
        var victims = Achievement(world, W.SubjectId, 1);

        var report = await lab.TextAsync(Clr(aggregator, aggregator.DidKey, W.OtherSubjectId, victims));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.ClrCredential, CheckOutcome.Failed);
    }

    [Fact]
    public async Task Clr_NestedGenuineCredentialForAnotherPerson_WithRecipient_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var aggregator = world.EvilKey;

        var report = await lab.TextAsync(Clr(aggregator, aggregator.DidKey, W.OtherSubjectId, Achievement(world, W.SubjectId, 1)), recipient: W.OtherSubjectId);

        Expect.Invalid(report);
    }

    [Fact]
    public async Task Clr_NestedCredentialWithUnboundKeyUnderLenient_ShowsTopLevelWarning()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);
        var credential = W.Credential(type: "AchievementCredential", id: Real + "/credentials/2");
        var unbound = W.Jwt(world.EvilKey, credential, jwk: world.EvilKey.Jwk());

        var report = await lab.TextAsync(Clr(world.RealKey, W.IssuerId, W.SubjectId, Achievement(world, W.SubjectId, 1), unbound, kid: W.KeyId), IssuerPolicy.Lenient);

        Expect.Valid(report);
        Expect.Check(report.Credentials![1], Ob3CheckIds.IssuerKey, CheckOutcome.Warning);
        Expect.TopLevelWarning(report);
    }

    // ---- genuine twin ----

    [Fact]
    public async Task Clr_GenuineNestedCredentialsOfTheSameSubject_IsValid()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(
            Clr(world.RealKey, W.IssuerId, W.SubjectId, Achievement(world, W.SubjectId, 1), Achievement(world, W.SubjectId, 2), kid: W.KeyId),
            recipient: W.SubjectId);

        Expect.Valid(report);
        Assert.All(report.Credentials!, Expect.Valid);
        Expect.IssuerProven(report, W.IssuerId, IssuerProofs.IssuerDocument);
    }

    /// <summary>A genuine real.edu AchievementCredential (VC-JWT with the listed key) about <paramref name="subject"/>.</summary>
    private static string Achievement(W world, string subject, int n) =>
        W.Jwt(world.RealKey, W.Credential(subjectId: subject, type: "AchievementCredential", id: $"{Real}/credentials/{n}"), kid: W.KeyId);

    /// <summary>A ClrCredential for <paramref name="subject"/> carrying the nested VC-JWTs, signed by <paramref name="key"/>.</summary>
    private static string Clr(Tests.OpenBadges3.TestKey key, string issuer, string subject, string first, string? second = null, string? kid = null)
    {
        var clr = W.Credential(issuerId: issuer, subjectId: subject, type: "ClrCredential", id: Real + "/clrs/1", url: issuer.StartsWith("did:", StringComparison.Ordinal) ? null : Real);
        clr["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        clr["name"] = "Transcript";
        var nested = new JsonArray(first);
        if (second is not null)
        {
            nested.Add(second);
        }

        clr["credentialSubject"] = new JsonObject { ["id"] = subject, ["type"] = new JsonArray("ClrSubject"), ["verifiableCredential"] = nested };
        return W.Jwt(key, clr, kid: kid ?? key.DidKeyUrl);
    }
}
