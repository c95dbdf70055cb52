using static Verifier.Core.Tests.OpenBadges2.Ob2TestIssuer;

namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>End to end through BadgeVerifier: JWS-signed assertions with keys and revocation lists on a loopback issuer.</summary>
public class Ob2SignedEngineTests
{
    [Fact]
    public async Task VerifyAsync_ValidSigned_IsValid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)), recipient: Email);

        ReportAssert.Valid(report);
        Assert.Equal("signed", report.Verification?.Method);
        Assert.Equal(KeyId, report.Verification?.KeyId);
        Assert.Equal("RS256", report.Verification?.Algorithm);
        Assert.Equal("2.0", report.OpenBadgesVersion);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob2CheckIds.Revocation, CheckOutcome.Passed);
        ReportAssert.Has(report, Ob2CheckIds.Recipient, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_TamperedPayload_FailsSignature()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var jws = Sign(Assertion(signed: true), issuer.Key).Split('.');
        var forged = Assertion(signed: true);
        forged["recipient"]!["identity"] = HashedEmail("mallory@example.org");
        var tampered = $"{jws[0]}.{B64(Encoding.UTF8.GetBytes(forged.ToJsonString()))}.{jws[2]}";

        var report = await issuer.VerifyAsync(VerificationInput.FromText(tampered));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_SignedWithOtherKey_FailsSignature()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        using var other = RSA.Create(2048);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), other)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_KeyOwnedBySomeoneElse_FailsKey()
    {
        await using var issuer = await StartAsync();
        issuer.KeyDocument["owner"] = "https://other.example/issuer.json";
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureKey, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_CreatorNotListedByIssuer_FailsKey()
    {
        await using var issuer = await StartAsync();
        issuer.Issuer["publicKey"] = Origin + "/other-key.json";
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureKey, CheckOutcome.Failed);
        Assert.Equal(0, issuer.Server.Hits("/key.json"));
    }

    [Fact]
    public async Task VerifyAsync_KeyListedOnlyInEmbeddedIssuer_FailsKey()
    {
        await using var issuer = await StartAsync();
        using var attacker = RSA.Create(2048);
        const string attackerKey = "https://other.example/key.json";
        issuer.Serve(attackerKey, KeyDoc(attackerKey, IssuerId, attacker));
        issuer.Publish();
        var embeddedIssuer = issuer.Issuer.DeepClone().AsObject();
        embeddedIssuer["publicKey"] = attackerKey;
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["issuer"] = embeddedIssuer;
        var assertion = Assertion(signed: true);
        assertion["badge"] = badge;
        assertion["verification"]!["creator"] = attackerKey;

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, attacker)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureKey, CheckOutcome.Failed);
        Assert.Equal(1, issuer.Server.Hits("/issuer.json"));
    }

    [Fact]
    public async Task VerifyAsync_EmbeddedIssuer_UsesHostedIssuerKeys()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var badge = issuer.BadgeClass.DeepClone().AsObject();
        badge["issuer"] = issuer.Issuer.DeepClone();
        var assertion = Assertion(signed: true);
        assertion["badge"] = badge;

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Valid(report);
        Assert.Equal(1, issuer.Server.Hits("/issuer.json"));
    }

    [Fact]
    public async Task VerifyAsync_AlgNone_IsRejectedBeforeKeys()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var header = B64("{\"alg\":\"none\"}"u8);
        var body = B64(Encoding.UTF8.GetBytes(Assertion(signed: true).ToJsonString()));

        var report = await issuer.VerifyAsync(VerificationInput.FromText($"{header}.{body}."));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureAlgorithm, CheckOutcome.Failed);
        Assert.Equal(0, issuer.Server.Hits("/key.json"));
    }

    [Fact]
    public async Task VerifyAsync_Hs256WithPublicKeyPemAsSecret_IsRejected()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var body = B64(Encoding.UTF8.GetBytes(Assertion(signed: true).ToJsonString()));
        var secret = Encoding.UTF8.GetBytes(issuer.KeyDocument["publicKeyPem"]!.GetValue<string>());
        var mac = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes($"{header}.{body}"));

        var report = await issuer.VerifyAsync(VerificationInput.FromText($"{header}.{body}.{B64(mac)}"));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureAlgorithm, CheckOutcome.Failed);
        Assert.Equal(0, issuer.Server.Hits("/key.json"));
    }

    [Fact]
    public async Task VerifyAsync_RevokedById_IsRevokedWithReason()
    {
        await using var issuer = await StartAsync();
        var assertion = Assertion(signed: true);
        issuer.RevocationList["revokedAssertions"] = new JsonArray(
            "urn:uuid:00000000-0000-0000-0000-000000000000",
            new JsonObject { ["id"] = assertion["id"]!.GetValue<string>(), ["revocationReason"] = "Awarded in error" });
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.Revocation && c.Outcome == CheckOutcome.Failed
            && c.Message.Contains("Awarded in error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_RevokedByIdString_IsRevoked()
    {
        await using var issuer = await StartAsync();
        var assertion = Assertion(signed: true);
        issuer.RevocationList["revokedAssertions"] = new JsonArray(assertion["id"]!.GetValue<string>());
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Has(report, Ob2CheckIds.Revocation, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_RevokedByUid_IsRevoked()
    {
        await using var issuer = await StartAsync();
        var assertion = Assertion(signed: true);
        assertion["uid"] = "abc123";
        issuer.RevocationList["revokedAssertions"] = new JsonArray(new JsonObject { ["uid"] = "abc123", ["revocationReason"] = "Issued in error." });
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains(report.Checks, c => c.Id == Ob2CheckIds.Revocation && c.Outcome == CheckOutcome.Failed
            && c.Message.Contains("Issued in error.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_NoCreatorSeveralKeys_TriesEachListedKey()
    {
        await using var issuer = await StartAsync();
        using var first = RSA.Create(2048);
        const string firstKey = Origin + "/key0.json";
        issuer.Serve(firstKey, KeyDoc(firstKey, IssuerId, first));
        issuer.Issuer["publicKey"] = new JsonArray(firstKey, KeyId);
        issuer.Publish();
        var assertion = Assertion(signed: true);
        assertion["verification"] = new JsonObject { ["type"] = "SignedBadge" };

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Valid(report);
        Assert.Equal(KeyId, report.Verification?.KeyId);
    }

    [Fact]
    public async Task VerifyAsync_NoCreatorOneListedKeyMissing_UsesTheOtherWithWarning()
    {
        await using var issuer = await StartAsync();
        issuer.Issuer["publicKey"] = new JsonArray(Origin + "/gone.json", KeyId);
        issuer.Publish();
        var assertion = Assertion(signed: true);
        assertion["verification"] = new JsonObject { ["type"] = "SignedBadge" };

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Valid(report);
        ReportAssert.Has(report, Ob2CheckIds.KeyFetch, CheckOutcome.Warning);
    }

    [Fact]
    public async Task VerifyAsync_NoCreatorNoKeyVerifies_FailsSignature()
    {
        await using var issuer = await StartAsync();
        using var other = RSA.Create(2048);
        issuer.Issuer["publicKey"] = new JsonArray(Origin + "/gone.json", KeyId);
        issuer.Publish();
        var assertion = Assertion(signed: true);
        assertion["verification"] = new JsonObject { ["type"] = "SignedBadge" };

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, other)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_KeyEmbeddedInHostedIssuer_IsUsed()
    {
        await using var issuer = await StartAsync();
        var embeddedKey = issuer.KeyDocument.DeepClone().AsObject();
        embeddedKey.Remove("@context");
        issuer.Issuer["publicKey"] = new JsonArray(embeddedKey);
        issuer.Publish();
        issuer.Server.MapStatus("/key.json", 404);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)));

        ReportAssert.Valid(report);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredSigned_IsInvalid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        var assertion = Assertion(signed: true);
        assertion["expires"] = "2026-02-01T00:00:00+01:00";

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(assertion, issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.Expires, CheckOutcome.Failed);
        ReportAssert.Has(report, Ob2CheckIds.SignatureVerify, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_KeyServerDown_IsIndeterminate()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        issuer.Server.MapStatus("/key.json", 502);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_RevocationListMissing_IsInvalid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();
        issuer.Server.MapStatus("/revocations.json", 404);

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Sign(Assertion(signed: true), issuer.Key)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.RevocationListFetch, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_SignedJsonWithoutJws_IsInvalid()
    {
        await using var issuer = await StartAsync();
        issuer.Publish();

        var report = await issuer.VerifyAsync(VerificationInput.FromText(Assertion(signed: true).ToJsonString()));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob2CheckIds.Method, CheckOutcome.Failed);
    }
}
