namespace Verifier.Core.Tests.Registries;

/// <summary>
/// The whole engine against loopback registries: a did:key issuer listed in a legacy registry and in an OpenID
/// Federation anchor, a forger who claims a listed DID, registries that fail, and requireKnownIssuer.
/// </summary>
public sealed class IssuerRegistryEngineTests
{
    [Fact]
    public async Task VerifyAsync_ListedIssuer_ReportsEveryRegistryInOrderAndPasses()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        using var anchor = new TestAnchor(Ob3Fixtures.Now);
        anchor.List(key.DidKey, anchor.Statement(key.DidKey, "Federated College"));
        anchor.Serve(f.Server);
        f.Server.MapJson("/registry.json", RegistryFixtures.Legacy((key.DidKey, "Legacy College")));

        var report = await VerifyAsync(f, SignedBy(key), o => o.Registries = [Oidf(), Legacy()]);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        ReportAssert.Has(report, IssuerRegistryCheck.Id, CheckOutcome.Passed);
        var known = report.Issuer!.KnownIn!;
        Assert.Equal(["Federation", "Legacy"], known.Select(k => k.Registry));
        Assert.Equal("Federated College", known[0].Name);
        Assert.Equal("The Board of Federated College", known[0].LegalName);
        Assert.Null(report.Issuer.RegistriesUnchecked);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(IssuerPolicy.Lenient)]
    public async Task VerifyAsync_ForgerClaimsAListedDidWithAnUnboundKey_BorrowsNoName(IssuerPolicy? policy)
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var listed = TestKey.Ed25519();
        using var forger = TestKey.Ed25519();
        f.Server.MapJson("/registry.json", RegistryFixtures.Legacy((listed.DidKey, "Real College")));
        // The forger's credential names the registered DID as issuer but is signed with the forger's own key.
        var jwt = Jwt.Sign(forger, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: listed.DidKey)), kid: forger.DidKeyUrl);

        var report = await VerifyAsync(f, jwt, o => o.Registries = [Legacy()], policy);

        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
        Assert.False(report.Issuer!.Verified);
        Assert.Null(report.Issuer.KnownIn);
        Assert.DoesNotContain(report.Checks, c => c.Message.Contains("Real College", StringComparison.Ordinal));
        ReportAssert.Has(report, IssuerRegistryCheck.Id, CheckOutcome.Skipped);
        Assert.Equal(0, f.Server.Hits("/registry.json"));
    }

    [Fact]
    public async Task VerifyAsync_RegistryAnswers500_IsUncheckedAndTheBadgeStaysValid()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapStatus("/registry.json", 500);

        var report = await VerifyAsync(f, SignedBy(key), o =>
        {
            o.Fetch.RetryCount = 0;
            o.Registries = [Legacy()];
        });

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Equal(["Legacy"], report.Issuer!.RegistriesUnchecked);
        Assert.Empty(report.Issuer.KnownIn!);
        Assert.Contains("could not check Legacy", ReportAssert.Has(report, IssuerRegistryCheck.Id, CheckOutcome.Warning).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_NotListed_WarnsOrFailsWhenAKnownIssuerIsRequired()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapJson("/registry.json", RegistryFixtures.Legacy(("did:key:z6MkSomeoneElse", "Someone Else")));

        var warned = await VerifyAsync(f, SignedBy(key), o => o.Registries = [Legacy()]);
        var required = await VerifyAsync(f, SignedBy(key), o => o.Registries = [Legacy()], require: true);
        var requiredBySetting = await VerifyAsync(f, SignedBy(key), o =>
        {
            o.Registries = [Legacy()];
            o.RequireKnownIssuer = true;
        });
        var overriddenByRequest = await VerifyAsync(f, SignedBy(key), o =>
        {
            o.Registries = [Legacy()];
            o.RequireKnownIssuer = true;
        }, require: false);

        ReportAssert.Outcome(warned, VerificationOutcome.Valid);
        Assert.Contains("not in any configured registry", ReportAssert.Has(warned, IssuerRegistryCheck.Id, CheckOutcome.Warning).Message, StringComparison.Ordinal);
        ReportAssert.Outcome(required, VerificationOutcome.Invalid);
        Assert.False(ReportAssert.Has(required, IssuerRegistryCheck.Id, CheckOutcome.Failed).Indeterminate);
        ReportAssert.Outcome(requiredBySetting, VerificationOutcome.Invalid);
        ReportAssert.Outcome(overriddenByRequest, VerificationOutcome.Valid);
    }

    [Fact]
    public async Task VerifyAsync_KnownIssuerRequiredAndTheOnlyRegistryUnreachable_IsIndeterminate()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapStatus("/registry.json", 503);

        var report = await VerifyAsync(f, SignedBy(key), o =>
        {
            o.Fetch.RetryCount = 0;
            o.Registries = [Legacy()];
        }, require: true);

        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
        Assert.True(ReportAssert.Has(report, IssuerRegistryCheck.Id, CheckOutcome.Failed).Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_FetchBudgetSpentBeforeARegistry_ItIsUncheckedNotNotListed()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();
        f.Server.MapJson("/registry.json", RegistryFixtures.Legacy(("did:key:z6MkSomeoneElse", "Someone Else")));
        f.Server.MapJson("/other.json", RegistryFixtures.Legacy(("did:key:z6MkSomeoneElse", "Someone Else")));

        // A did:key credential needs no fetch; one is allowed, so exactly one of the two registries is asked.
        var report = await VerifyAsync(f, SignedBy(key), o =>
        {
            o.Fetch.MaxFetchesPerVerification = 1;
            o.Registries = [Legacy(), new() { Name = "Other", Type = "dcc-legacy", Url = "https://" + RegistryFixtures.LegacyHost + "/other.json" }];
        }, require: true);

        Assert.Single(report.Issuer!.RegistriesUnchecked!);
        ReportAssert.Outcome(report, VerificationOutcome.Indeterminate);
    }

    [Fact]
    public async Task VerifyAsync_NoRegistriesConfigured_RunsNoRegistryCheckOrFailsWhenRequired()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var key = TestKey.Ed25519();

        var skipped = await VerifyAsync(f, SignedBy(key), null);
        var required = await VerifyAsync(f, SignedBy(key), null, require: true);

        ReportAssert.Outcome(skipped, VerificationOutcome.Valid);
        Assert.DoesNotContain(skipped.Checks, c => c.Id == IssuerRegistryCheck.Id);
        Assert.Null(skipped.Issuer!.KnownIn);
        ReportAssert.Outcome(required, VerificationOutcome.Invalid);
    }

    [Fact]
    public async Task VerifyAsync_EndorsementByAListedIssuer_ItsNestedIssuerBlockShowsTheRegistry()
    {
        await using var f = await Ob3Fixtures.StartAsync();
        using var issuer = TestKey.Ed25519();
        using var endorser = TestKey.Ed25519();
        f.Server.MapJson("/registry.json", RegistryFixtures.Legacy((endorser.DidKey, "Endorsing Body")));
        var credential = Ob3Fixtures.Credential(issuerId: issuer.DidKey);
        var endorsement = Ob3Fixtures.Credential(issuerId: endorser.DidKey, type: "EndorsementCredential");
        endorsement["id"] = "https://issuer.example/endorsements/1";
        endorsement["credentialSubject"] = new JsonObject { ["id"] = credential["id"]!.GetValue<string>(), ["type"] = new JsonArray("EndorsementSubject") };
        credential["endorsementJwt"] = new JsonArray(Jwt.Sign(endorser, Ob3Fixtures.Payload(endorsement), kid: endorser.DidKeyUrl));

        var report = await VerifyAsync(f, Jwt.Sign(issuer, Ob3Fixtures.Payload(credential), kid: issuer.DidKeyUrl), o => o.Registries = [Legacy()]);

        ReportAssert.Outcome(report, VerificationOutcome.Valid);
        Assert.Empty(report.Issuer!.KnownIn!);
        Assert.Equal("Endorsing Body", Assert.Single(report.Endorsements![0].Issuer!.KnownIn!).Name);
        Assert.DoesNotContain(report.Endorsements[0].Checks, c => c.Id == IssuerRegistryCheck.Id);
        Assert.Equal(1, f.Server.Hits("/registry.json"));
    }

    private static string SignedBy(TestKey key) =>
        Jwt.Sign(key, Ob3Fixtures.Payload(Ob3Fixtures.Credential(issuerId: key.DidKey)), kid: key.DidKeyUrl);

    private static IssuerRegistryOptions Legacy() => new() { Name = "Legacy", Type = "dcc-legacy", Url = "https://" + RegistryFixtures.LegacyHost + "/registry.json" };

    private static IssuerRegistryOptions Oidf() => new() { Name = "Federation", Type = "oidf", TrustAnchor = RegistryFixtures.AnchorId };

    private static async Task<VerificationReport> VerifyAsync(Ob3Fixtures f, string jwt, Action<VerifierOptions>? configure, IssuerPolicy? policy = null, bool? require = null)
    {
        using var sp = f.Build(o =>
        {
            o.Fetch.HostMap[RegistryFixtures.LegacyHost] = f.Server.BaseUri.GetLeftPart(UriPartial.Authority);
            o.Fetch.HostMap[RegistryFixtures.AnchorHost] = f.Server.BaseUri.GetLeftPart(UriPartial.Authority);
            configure?.Invoke(o);
        });
        return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BadgeVerifier>(sp).VerifyAsync(new VerificationRequest
        {
            Input = Verifier.Core.Input.VerificationInput.FromText(jwt),
            Policy = policy,
            RequireKnownIssuer = require,
        });
    }
}
