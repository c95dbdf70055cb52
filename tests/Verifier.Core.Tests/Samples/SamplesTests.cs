using Verifier.SampleMaker;

namespace Verifier.Core.Tests.Samples;

/// <summary>
/// samples/ is what a newcomer tries first (README), so each file must be exactly what the generator makes and get
/// the verdict samples/README.md promises — with the network refused: a host lookup fails the test.
/// </summary>
public sealed class SamplesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Names => [.. SampleSet.Make().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Make_Again_ReproducesTheCommittedSampleByteForByte(string name)
    {
        var made = SampleSet.Make().Single(s => s.Name == name);

        var committed = File.ReadAllBytes(Path.Combine(SamplesFolder(), name));

        Assert.True(made.Bytes.AsSpan().SequenceEqual(committed), $"samples/{name} differs from what scripts/sample-maker makes: run it again (samples/README.md)");
    }

    [Fact]
    public void SamplesFolder_HoldsOnlyGeneratedSamples()
    {
        var expected = SampleSet.Make().Select(s => s.Name).Append("README.md").Order(StringComparer.Ordinal);

        var present = Directory.GetFiles(SamplesFolder()).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, present);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Verify_Sample_GetsItsDocumentedVerdictWithTheNetworkRefused(string name)
    {
        var sample = SampleSet.Make().Single(s => s.Name == name);
        var resolver = new RefusingResolver();

        var report = await VerifyAsync(sample.Bytes, resolver);

        Assert.Equal(sample.Outcome, report.Outcome.ToString().ToLowerInvariant());
        Assert.Empty(resolver.Lookups);
        if (report.Outcome == VerificationOutcome.Valid)
        {
            Assert.True(report.Issuer is { Verified: true, VerifiedBy: IssuerProofs.DidKeyIssuer }, "every valid sample's issuer is its own key");
        }
    }

    [Theory]
    [InlineData("tampered.json", "proof.dataIntegrity")]
    [InlineData("expired.json", Ob3CheckIds.ValidUntil)]
    [InlineData("not-yet-valid.json", Ob3CheckIds.ValidFrom)]
    public async Task Verify_InvalidSample_FailsForItsOwnReason(string name, string checkId)
    {
        var report = await VerifyAsync(Bytes(name), new RefusingResolver());

        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Equal([checkId], report.Checks.Where(c => c.Outcome == CheckOutcome.Failed).Select(c => c.Id));
    }

    [Theory]
    [InlineData(Credentials.Email, VerificationOutcome.Valid, CheckOutcome.Passed)]
    [InlineData("grace@example.org", VerificationOutcome.Invalid, CheckOutcome.Failed)]
    public async Task Verify_HashedRecipient_MatchesOnlyTheLearnersAddress(string recipient, VerificationOutcome outcome, CheckOutcome check)
    {
        var report = await VerifyAsync(Bytes("ob3-did-key.png"), new RefusingResolver(), recipient);

        ReportAssert.Outcome(report, outcome);
        ReportAssert.Has(report, Ob3CheckIds.Recipient, check);
    }

    [Fact]
    public async Task Verify_ClrAndEndorsedSamples_CarryValidNestedReports()
    {
        var clr = await VerifyAsync(Bytes("clr.json"), new RefusingResolver());
        var endorsed = await VerifyAsync(Bytes("endorsed.json"), new RefusingResolver());

        Assert.Equal(2, clr.Credentials!.Count);
        Assert.All(clr.Credentials, r => Assert.Equal(VerificationOutcome.Valid, r.Outcome));
        var endorsement = Assert.Single(endorsed.Endorsements!);
        Assert.Equal(VerificationOutcome.Valid, endorsement.Outcome);
        Assert.Equal("Verifier Sample Guild", endorsement.Issuer!.Name);
    }

    private static async Task<VerificationReport> VerifyAsync(byte[] bytes, RefusingResolver resolver, string? recipient = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<IHostResolver>(resolver);
        services.AddVerifierEngine();
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromBytes(bytes),
            Recipient = recipient,
        });
    }

    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(SamplesFolder(), name));

    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }

    /// <summary>No name resolves: a sample that needs the network shows up as a lookup here (and a failed fetch).</summary>
    private sealed class RefusingResolver : IHostResolver
    {
        public List<string> Lookups { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            lock (Lookups)
            {
                Lookups.Add(host);
            }

            return Task.FromResult(Array.Empty<IPAddress>());
        }
    }
}
