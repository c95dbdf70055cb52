using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine.Settings;

namespace Verifier.Core.Tests.Engine;

/// <summary>Every settings class is bound and validated at start; a wrong value names its configuration key.</summary>
public class SettingsValidationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddVerifierEngine(configuration).BuildServiceProvider();
    }

    [Fact]
    public void ValidateSettingsNow_Defaults_Succeed()
    {
        using var services = Build([]);

        services.ValidateSettingsNow();

        Assert.Equal(TimeSpan.FromSeconds(10), services.GetRequiredService<IOptions<VerifierOptions>>().Value.RequestDeadline);
    }

    [Theory]
    [InlineData("Verifier:RequestDeadline", "00:00:00")]
    [InlineData("Verifier:RequestDeadline", "-00:00:01")]
    [InlineData("Verifier:Fetch:Timeout", "00:00:00")]
    [InlineData("Verifier:Fetch:MaxRedirects", "100")]
    [InlineData("Verifier:Fetch:MaxConcurrentFetchesPerVerification", "0")]
    [InlineData("Verifier:MemoryCache:StatusListBytes", "-1")]
    [InlineData("Verifier:Schema:EvaluationBudget", "00:10:00")]
    [InlineData("Verifier:DataIntegrity:MaxProofs", "0")]
    public void ValidateSettingsNow_ValueOutOfRange_FailsNamingTheSetting(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettingsNow);

        var line = Assert.Single(SettingsRegistration.Describe(e));
        Assert.StartsWith("invalid setting: " + key + " must be", line, StringComparison.Ordinal);
        Assert.Contains(value.TrimStart('-'), line, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettingsNow_ValueThatDoesNotParse_NamesTheSetting()
    {
        using var services = Build(new() { ["Verifier:RequestDeadline"] = "soon" });

        var e = Assert.ThrowsAny<Exception>(services.ValidateSettingsNow);

        Assert.Contains("Verifier:RequestDeadline", Assert.Single(SettingsRegistration.Describe(e)), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettingsNow_HostMapTargetNotAUrl_NamesTheHost()
    {
        using var services = Build(new() { ["Verifier:Fetch:HostMap:example.org"] = "not a url" });

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettingsNow);

        Assert.Contains("Verifier:Fetch:HostMap:example.org", Assert.Single(SettingsRegistration.Describe(e)), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSettingsNow_ContextsPathWithoutIndex_Fails()
    {
        var empty = Directory.CreateTempSubdirectory("verifier-contexts-").FullName;
        try
        {
            using var services = Build(new() { ["Verifier:Contexts:Path"] = empty });

            var e = Assert.Throws<OptionsValidationException>(services.ValidateSettingsNow);

            Assert.Contains("Verifier:Contexts:Path", Assert.Single(SettingsRegistration.Describe(e)), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void AddVerifierEngine_DataIntegritySection_IsBound()
    {
        using var services = Build(new() { ["Verifier:DataIntegrity:MaxProofs"] = "3", ["Verifier:DataIntegrity:MaxCanonicalizationWork"] = "5000" });

        var options = services.GetRequiredService<IOptions<DataIntegrityOptions>>().Value;

        Assert.Equal(3, options.MaxProofs);
        Assert.Equal(5000, options.MaxCanonicalizationWork);
    }

    [Fact]
    public void ValidateSettingsNow_SeveralBadValues_OneLineEach()
    {
        using var services = Build(new() { ["Verifier:RequestDeadline"] = "00:00:00", ["Verifier:Fetch:RetryCount"] = "99" });

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettingsNow);

        Assert.Equal(2, SettingsRegistration.Describe(e).Count);
    }
}
