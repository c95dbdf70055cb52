using System.Reflection;
using Verifier.Core.Engine;

namespace Verifier.Cli.Tests;

/// <summary>--help names the settings obverify reads, and each named setting is one the engine binds.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("verify --help")]
    public async Task Help_ListsTheSettingsANewcomerNeedsOffline(string commandLine)
    {
        var run = await Obverify.RunAsync(commandLine.Split(' '));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Settings (environment variables):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verifier__Fetch__AllowLoopback=true", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Verifier__Contexts__Path=DIR", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string> SettingNames => [.. CliSettings.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SettingNames))]
    public void Setting_NamesAPropertyOfTheEngineOptions(string setting)
    {
        var path = setting.Split('=')[0].Split("__");
        Assert.Equal(VerifierOptions.SectionName, path[0]);

        var type = typeof(VerifierOptions);
        foreach (var part in path.Skip(1))
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                break; // HostMap__HOST: the last part is a key, not a property
            }

            var property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is { CanWrite: true }, $"{setting}: {type.Name} has no settable property {part}");
            type = property!.PropertyType;
        }
    }
}
