namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// Every real-world badge and credential of ../shared/realworld/files through BadgeVerifier, offline (no host name
/// resolves, so every verdict is reproducible) and as of <see cref="AsOf"/>. Prints file | outcome | first failed
/// check, and holds each verdict to the reviewed expectation in <see cref="RealWorldExpectations"/> (reasons in
/// docs/realworld.md): a verdict that changes must be reviewed again. Nothing may end in engine.unexpected.
/// Run: dotnet test tests/Verifier.Core.Tests -c Release --filter "FullyQualifiedName~RealWorldTests" --logger "console;verbosity=detailed".
/// </summary>
[Trait("Category", "Conformance")]
public sealed class RealWorldTests(ITestOutputHelper output)
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task RealWorldFiles_EachVerdictAsReviewed_NeverAnEngineError()
    {
        var folder = SharedFolder.Require("realworld/files");
        var contexts = SharedFolder.Require("contexts");
        using var services = Offline(contexts);
        var verifier = services.GetRequiredService<BadgeVerifier>();
        var table = new StringBuilder($"{"file",-76} | {"outcome",-13} | {"first failed check",-38} | profile=conformance\n");
        var problems = new List<string>();
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var report = await verifier.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(await File.ReadAllBytesAsync(path)) });
            var first = report.Checks.FirstOrDefault(c => c.Outcome == CheckOutcome.Failed);
            var firstText = first is null ? "-" : $"{first.Id}{(first.Indeterminate ? " (indeterminate)" : string.Empty)}";
            var forCi = await verifier.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(await File.ReadAllBytesAsync(path)), Profile = VerificationProfile.Conformance });
            var conformance = string.Join(", ", forCi.Checks.Where(c => c.Outcome == CheckOutcome.Failed && c.Class == CheckClass.Conformance).Select(c => c.Id).Distinct());
            table.AppendLine($"{name,-76} | {report.Outcome.ToString().ToLowerInvariant(),-13} | {firstText,-38} | {forCi.Outcome.ToString().ToLowerInvariant()}{(conformance.Length > 0 ? $" ({conformance})" : string.Empty)}");
            if (report.Checks.Any(c => c.Id == BadgeVerifier.EngineCheckId))
            {
                problems.Add($"{name}: engine.unexpected — {report.Checks.First(c => c.Id == BadgeVerifier.EngineCheckId).Message}");
            }

            if (!RealWorldExpectations.Verdicts.TryGetValue(name, out var expected))
            {
                problems.Add($"{name}: no reviewed expectation (got {report.Outcome}, {firstText})");
            }
            else if (expected.Outcome != report.Outcome || expected.FirstFailedCheck != first?.Id)
            {
                problems.Add($"{name}: reviewed as {expected.Outcome} / {expected.FirstFailedCheck ?? "-"}, now {report.Outcome} / {first?.Id ?? "-"}: {first?.Message}");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The engine with no network: every host name fails to resolve (HostNotFound), as on a machine offline.</summary>
    internal static ServiceProvider Offline(string contexts)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf));
        services.AddSingleton<IHostResolver, NoDnsResolver>();
        services.AddVerifierEngine();
        services.Configure<VerifierOptions>(o => o.Contexts.Path = contexts);
        return services.BuildServiceProvider();
    }
}
