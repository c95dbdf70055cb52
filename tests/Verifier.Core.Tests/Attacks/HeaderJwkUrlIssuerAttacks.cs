using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 3 for a VC-JWT whose key travels in the jwk header while its issuer is an https URL: the header key is the
/// issuer's only when the issuer's own document (fetched from the issuer id) holds that very key and lists it for
/// assertions. The genuine twin is bound at document level; a forger's header key, the issuer's key listed only for
/// authentication, a method in the issuer's document that names another controller, a document served from another
/// origin, or an unreachable document never bind it (the last leaves it unproven, as a header key always was).
/// </summary>
public sealed class HeaderJwkUrlIssuerAttacks
{
    private static string Jwt(TestKey signer) => W.Jwt(signer, W.Credential(), jwk: signer.Jwk());

    [Fact]
    public async Task HeaderJwk_HeldAndListedByTheIssuersDocument_IsValidAtDocumentLevel()
    {
        await using var lab = await StartAsync();
        using var world = W.PublishedOn(lab);

        var report = await lab.TextAsync(Jwt(world.RealKey), IssuerPolicy.Strict);

        Expect.Valid(report);
        Expect.IssuerProvenAsReal(report, IssuerProofs.IssuerDocument);
        Assert.Contains("jwk header key", Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Passed).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forger's key")]
    [InlineData("listed only for authentication")]
    [InlineData("method names another controller")]
    [InlineData("document redirected off the origin")]
    [InlineData("document for another id")]
    public async Task HeaderJwk_NotAnAssertionKeyTheIssuerHolds_IsInvalid(string how)
    {
        foreach (var policy in new[] { IssuerPolicy.Default, IssuerPolicy.Strict })
        {
            await using var lab = await StartAsync();
            using var world = new W();
            var signer = world.RealKey;
            var document = W.IssuerDocument(W.IssuerId, [("key-1", world.RealKey)]);
            switch (how)
            {
                case "forger's key":
                    signer = world.EvilKey;
                    lab.Serve(W.IssuerId, document);
                    break;
                case "listed only for authentication":
                    lab.Serve(W.IssuerId, W.IssuerDocument(W.IssuerId, [("key-1", world.RealKey)], forAssertion: false));
                    break;
                case "method names another controller":
                    document["verificationMethod"]![0]!["controller"] = Evil + "/issuer";
                    lab.Serve(W.IssuerId, document);
                    break;
                case "document redirected off the origin":
                    lab.Serve(Evil + "/issuer", document);
                    lab.Redirect(W.IssuerId, Evil + "/issuer");
                    break;
                default:
                    lab.Serve(W.IssuerId, W.IssuerDocument(Evil + "/issuer", [("key-1", world.RealKey)]));
                    break;
            }

            var report = await lab.TextAsync(Jwt(signer), policy);

            Expect.Invalid(report);
            Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Failed);
            Assert.False(report.Issuer?.Verified ?? false, $"{how}: the header key must not be bound to the real issuer");
        }
    }

    [Fact]
    public async Task HeaderJwk_IssuerDocumentUnreachable_StaysUnproven()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        lab.ServeStatus(W.IssuerId, 503);

        var report = await lab.TextAsync(Jwt(world.RealKey), IssuerPolicy.Lenient);

        Expect.IssuerUnproven(report);
        Expect.Check(report, Ob3CheckIds.IssuerKey, CheckOutcome.Warning);
    }
}
