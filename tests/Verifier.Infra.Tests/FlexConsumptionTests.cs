using System.Text.Json;

namespace Verifier.Infra.Tests;

/// <summary>
/// What Flex Consumption and azd need for <c>azd up</c> to succeed on a real subscription: no site setting Flex
/// rejects, a region that has Flex, the deploying principal's real type, and a readiness probe.
/// </summary>
public class FlexConsumptionTests
{
    private static CompiledTemplate T => CompiledTemplate.Main;

    [Theory]
    [InlineData("ftpsState")] // ARM 51021 "Site.SiteConfig.FtpsState … invalid" on Flex in newer regions
    [InlineData("http20Enabled")]
    [InlineData("alwaysOn")]
    [InlineData("linuxFxVersion")]
    [InlineData("use32BitWorkerProcess")]
    [InlineData("functionAppScaleLimit")]
    [InlineData("minimumElasticInstanceCount")]
    [InlineData("netFrameworkVersion")]
    public void SiteConfig_SettingFlexRejects_IsAbsent(string setting)
    {
        var siteConfig = T.Single("Microsoft.Web/sites").GetProperty("properties").GetProperty("siteConfig");

        Assert.False(siteConfig.TryGetProperty(setting, out _), $"siteConfig.{setting} is not a Flex Consumption setting");
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void AppSettings_SettingFlexRejects_IsAbsent(string setting) =>
        Assert.DoesNotContain(setting, T.Json, StringComparison.Ordinal);

    [Fact]
    public void Location_OnlyFlexRegionsAllowed()
    {
        var allowed = T.Root.GetProperty("parameters").GetProperty("location").GetProperty("allowedValues")
            .EnumerateArray().Select(v => v.GetString()).ToList();

        Assert.Contains("eastus", allowed);
        Assert.Contains("westeurope", allowed);
        // Regions without Flex Consumption when this list was written: provisioning would fail half-way.
        Assert.DoesNotContain("westus", allowed);
        Assert.DoesNotContain("ukwest", allowed);
    }

    [Fact]
    public void DeployingPrincipal_TypeComesFromAzd_DefaultUser()
    {
        var parameter = T.Root.GetProperty("parameters").GetProperty("principalType");
        var userRole = T.OfType("Microsoft.Authorization/roleAssignments")
            .Single(r => r.GetProperty("properties").GetProperty("principalId").GetString()!.Contains("userPrincipalId", StringComparison.Ordinal));

        Assert.Equal("User", parameter.GetProperty("defaultValue").GetString());
        Assert.Contains("ServicePrincipal", parameter.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[parameters('userPrincipalType')]", userRole.GetProperty("properties").GetProperty("principalType").GetString());
        Assert.Contains("${AZURE_PRINCIPAL_TYPE=User}", File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void AvailabilityTest_ProbesReadiness()
    {
        var test = T.Single("Microsoft.Insights/webtests");
        var props = test.GetProperty("properties");

        Assert.Equal("standard", props.GetProperty("Kind").GetString());
        Assert.Contains("/api/health/ready", props.GetProperty("Request").GetProperty("RequestUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, props.GetProperty("ValidationRules").GetProperty("ExpectedHttpStatusCode").GetInt32());
        Assert.True(props.GetProperty("Locations").GetArrayLength() >= 3);
        Assert.Contains("hidden-link:", test.GetProperty("tags").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_ReadyUrlForAzdEnvGetValue()
    {
        var outputs = T.Root.GetProperty("outputs");

        Assert.True(outputs.TryGetProperty("VERIFIER_VERIFY_URL", out _));
        Assert.True(outputs.TryGetProperty("VERIFIER_READY_URL", out _));
    }

    [Fact]
    public void Telemetry_HostJsonAndAppSettingsAgree_OpenTelemetryWithEntraId()
    {
        var settings = T.OfType("Microsoft.Web/sites/config").Single().GetProperty("properties").GetRawText();
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "..", "host.json")));

        // host.json sends the host's own telemetry through OpenTelemetry too, so the worker's spans and the host's
        // requests share one pipeline and one authentication (local auth is off on the component).
        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", settings, StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", settings, StringComparison.Ordinal);
        Assert.Contains("AZURE_CLIENT_ID", settings, StringComparison.Ordinal);
    }
}
