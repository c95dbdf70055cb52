using System.Text.Json;

namespace Verifier.Infra.Tests;

/// <summary>
/// Issuer registries in the deployment: none trusted unless the operator lists them (the DCC registries are a
/// documented example, not a default), and whatever is listed reaches the app as Verifier:Registries settings.
/// </summary>
public class RegistrySettingsTests
{
    private static CompiledTemplate T => CompiledTemplate.Main;

    [Fact]
    public void Parameters_NoRegistryTrustedByDefault_DccRegistriesOnlyAsTheExample()
    {
        var parameters = T.Root.GetProperty("parameters");
        var registries = parameters.GetProperty("issuerRegistries");

        Assert.Equal(0, registries.GetProperty("defaultValue").GetArrayLength());
        Assert.False(parameters.GetProperty("requireKnownIssuer").GetProperty("defaultValue").GetBoolean());
        var example = registries.GetProperty("metadata").GetProperty("example").EnumerateArray().ToList();
        Assert.Equal(["oidf", "oidf", "dcc-legacy", "dcc-legacy"], example.Select(r => r.GetProperty("type").GetString()));
        Assert.All(example, r => Assert.StartsWith("DCC ", r.GetProperty("name").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void ParametersFile_ListsNoRegistry()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        var parameters = file.RootElement.GetProperty("parameters");

        Assert.Equal(0, parameters.GetProperty("issuerRegistries").GetProperty("value").GetArrayLength());
        Assert.Equal("${VERIFIER_REQUIRE_KNOWN_ISSUER=false}", parameters.GetProperty("requireKnownIssuer").GetProperty("value").GetString());
    }

    [Fact]
    public void AppSettings_CarryRegistriesAndTheirPinnedKeys()
    {
        foreach (var key in new[] { "Verifier__Registries__", "Verifier__Registries__{0}__Jwks__Keys__{1}__{2}", "Verifier__RequireKnownIssuer" })
        {
            Assert.Contains(key, T.Json, StringComparison.Ordinal);
        }
    }
}
