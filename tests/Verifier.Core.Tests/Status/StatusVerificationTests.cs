using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verifier.Core.Tests.Status;

/// <summary>credentialStatus against lists the test builds itself (bitstring + GZIP + multibase) on a loopback server.</summary>
public class StatusVerificationTests
{
    private const int ListBits = 131_072;

    [Theory]
    [InlineData("BitstringStatusListEntry", "BitstringStatusListCredential")]
    [InlineData("StatusList2021Entry", "StatusList2021Credential")]
    public async Task VerifyAsync_EntrySetForRevocation_IsRevoked(string entryType, string listType)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits, 7, 42), listType);

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry(entryType, list, "revocation", 42)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("revoked", ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Message, StringComparison.Ordinal);
        ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_EntryClear_IsValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits, 7, 42));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 41)));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Passed);
    }

    // The status-list VC-JWT goes through the same envelope rules: an IETF Token Status List (statuslist+jwt) or a
    // crit header is not a BitstringStatusListCredential, and a credential checked against it is not shown valid.
    [Theory]
    [InlineData("typ", "statuslist+jwt")]
    [InlineData("crit", "exp")]
    public async Task VerifyAsync_StatusListJwtWithRefusedHeader_IsNotTrusted(string name, string value)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits), header: h =>
            h[name] = name == "crit" ? new JsonArray(value) : value);

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 41)));

        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
        Assert.DoesNotContain(report.Checks, c => c.Id == Ob3CheckIds.StatusList && c.Outcome == CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_EntrySetForSuspension_IsSuspended()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var list = f.HostStatusListJwt(key, kid, "/status/s", "suspension", Ob3Fixtures.EncodedList(ListBits, 0));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "suspension", 0)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("suspended", ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_PurposeMismatch_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        var list = f.HostStatusListJwt(key, kid, "/status/s", "suspension", Ob3Fixtures.EncodedList(ListBits));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 3)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_ShortList_IsWarningNotCrash()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/short", "revocation", Ob3Fixtures.EncodedList(800, 5));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 4)));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Warning);
    }

    [Fact]
    public async Task VerifyAsync_IndexBeyondList_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/short", "revocation", Ob3Fixtures.EncodedList(800));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 800)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_ListSignedByAnotherKey_IsInvalid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        using var forger = TestKey.P256();
        var kid = f.HostJwk(key);
        var list = f.HostStatusListJwt(forger, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits));

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 1)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_UnreachableList_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        f.Server.MapStatus("/status/down", 503);

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", "https://issuer.example/status/down", "revocation", 1)));

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.True(ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_ListWithEmbeddedProofAndNoDataIntegrityVerifier_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = Ob3Fixtures.IssuerId,
            ["credentialSubject"] = new JsonObject { ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation", ["encodedList"] = Ob3Fixtures.EncodedList(ListBits) },
            ["proof"] = new JsonObject { ["type"] = "DataIntegrityProof", ["cryptosuite"] = "eddsa-rdfc-2022", ["proofValue"] = "z111" },
        };
        f.Server.MapJson("/status/di", list.ToJsonString());

        var report = await f.VerifyAsync(
            Signed(f, key, kid, Entry("BitstringStatusListEntry", "https://issuer.example/status/di", "revocation", 1)),
            services: s => s.RemoveAll<IEmbeddedProofVerifier>());

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.True(ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed).Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_ListWithBadEmbeddedProof_IsInvalidThroughDataIntegrityVerifier()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        using var listKey = TestKey.Ed25519();
        var kid = f.HostJwk(key);
        var list = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = listKey.DidKey,
            ["credentialSubject"] = new JsonObject { ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation", ["encodedList"] = Ob3Fixtures.EncodedList(ListBits) },
            ["proof"] = new JsonObject
            {
                ["type"] = "DataIntegrityProof",
                ["cryptosuite"] = "eddsa-jcs-2022",
                ["verificationMethod"] = listKey.DidKeyUrl,
                ["proofPurpose"] = "assertionMethod",
                ["proofValue"] = "z" + SimpleBase.Base58.Bitcoin.Encode(new byte[64]),
            },
        };
        f.Server.MapJson("/status/di", list.ToJsonString());

        var report = await f.VerifyAsync(Signed(f, key, kid, Entry("BitstringStatusListEntry", "https://issuer.example/status/di", "revocation", 1)));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        ReportAssert.Has(report, Ob3CheckIds.StatusList, CheckOutcome.Failed);
    }

    [Fact]
    public async Task VerifyAsync_RevocationListListingCredential_IsRevoked()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        f.Server.MapJson("/revocations", new JsonObject
        {
            ["id"] = "https://issuer.example/revocations",
            ["issuer"] = Ob3Fixtures.IssuerId,
            ["revokedCredentials"] = new JsonArray(new JsonObject { ["id"] = Ob3Fixtures.CredentialId, ["revocationReason"] = "issued in error" }),
        }.ToJsonString());
        var entry = new JsonObject { ["id"] = "https://issuer.example/revocations", ["type"] = "1EdTechRevocationList" };

        var report = await f.VerifyAsync(Signed(f, key, kid, entry));

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("issued in error", ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_RevocationListNotListingCredential_IsValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.Rsa());
        f.Server.MapJson("/revocations", "{\"revokedCredentials\":[{\"id\":\"https://issuer.example/credentials/1\"}]}");
        var entry = new JsonObject { ["id"] = "https://issuer.example/revocations", ["type"] = "1EdTechRevocationList" };

        var report = await f.VerifyAsync(Signed(f, key, kid, entry));

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Passed);
    }

    [Fact]
    public async Task VerifyAsync_SameListTwice_IsFetchedOnce()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        var (key, kid) = f.PublishKey(TestKey.P256());
        var list = f.HostStatusListJwt(key, kid, "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits));
        using var sp = f.Build();
        var engine = sp.GetRequiredService<BadgeVerifier>();
        var jwt = Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 1));

        for (var i = 0; i < 2; i++)
        {
            var report = await engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(jwt) });
            ReportAssert.Outcome(report, VerificationOutcome.Valid);
        }

        Assert.Equal(1, f.Server.Hits("/status/1"));
    }

    [Fact]
    public async Task VerifyAsync_ListKeyUnreachable_IsIndeterminateAndNotCached()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.P256();
        using var listKey = TestKey.P256();
        var kid = f.HostJwk(key);
        f.Server.MapStatus("/keys/list", 503);
        var list = f.HostStatusListJwt(listKey, "https://issuer.example/keys/list", "/status/1", "revocation", Ob3Fixtures.EncodedList(ListBits));
        using var sp = f.Build();
        var engine = sp.GetRequiredService<BadgeVerifier>();
        var jwt = Signed(f, key, kid, Entry("BitstringStatusListEntry", list, "revocation", 1));

        var first = await engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(jwt) });
        f.HostJwk(listKey, "/keys/list");
        var second = await engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(jwt) });

        ReportAssert.Outcome(first, VerificationOutcome.Indeterminate);
        // The second verification judged the list afresh: an unverified list was not kept.
        ReportAssert.Outcome(second, VerificationOutcome.Valid);
    }

    private static JsonObject Entry(string type, string list, string purpose, int index) => new()
    {
        ["id"] = list + "#" + index,
        ["type"] = type,
        ["statusPurpose"] = purpose,
        ["statusListIndex"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["statusListCredential"] = list,
    };

    private static string Signed(Ob3Fixtures f, TestKey key, string kid, JsonObject status)
    {
        _ = f;
        var credential = Ob3Fixtures.Credential();
        credential["credentialStatus"] = status;
        return Jwt.Sign(key, Ob3Fixtures.Payload(credential), kid: kid);
    }
}
