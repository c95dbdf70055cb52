using System.Text.Json;

namespace Verifier.Infra.Tests;

/// <summary>
/// Pins the security-relevant settings of the deployment so that a later edit of infra/ cannot silently weaken
/// them: keyless storage, identity-based host storage, HTTPS and TLS 1.2, telemetry without local auth.
/// </summary>
public class InfraSecurityTests
{
    private static CompiledTemplate T => CompiledTemplate.Main;

    [Fact]
    public void Lint_MainTemplate_HasNoWarningsOrErrors()
    {
        var (code, stdout, stderr) = BicepCli.Run("lint", "main.bicep");

        Assert.Equal(0, code);
        Assert.DoesNotContain(": Warning ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(": Error ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAccount_SharedKeyAndPublicBlobAccessOff_TlsAndHttpsEnforced()
    {
        var props = T.Single("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(props.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(props.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(props.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", props.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void StorageAccount_HasDeploymentCacheAndJobsContainers_NoPublicAccess()
    {
        var containers = T.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Equal(3, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", c.GetProperty("properties").GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void FunctionApp_HttpsOnlyTls12_UserAssignedIdentity_FlexOnDotnetIsolated10()
    {
        var site = T.Single("Microsoft.Web/sites");
        var props = site.GetProperty("properties");

        Assert.True(props.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", props.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
        Assert.Equal("UserAssigned", site.GetProperty("identity").GetProperty("type").GetString());

        var config = props.GetProperty("functionAppConfig");
        Assert.Equal("dotnet-isolated", config.GetProperty("runtime").GetProperty("name").GetString());
        Assert.Equal("10.0", config.GetProperty("runtime").GetProperty("version").GetString());
        var deployment = config.GetProperty("deployment").GetProperty("storage");
        Assert.Equal("blobContainer", deployment.GetProperty("type").GetString());
        Assert.Equal("UserAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("maximumInstanceCount", out _));
        Assert.True(config.GetProperty("scaleAndConcurrency").TryGetProperty("instanceMemoryMB", out _));
    }

    [Fact]
    public void Plan_IsFlexConsumptionFc1()
    {
        var sku = T.Single("Microsoft.Web/serverfarms").GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
    }

    [Fact]
    public void AppSettings_HostStorageOverManagedIdentity_NoConnectionStringOrKey()
    {
        var settings = T.OfType("Microsoft.Web/sites/config").Single(c => c.GetProperty("name").GetString()!.Contains("appsettings", StringComparison.Ordinal));
        var text = settings.GetProperty("properties").GetRawText();

        // The settings compile to union(verifierSettings, {...}): the identity settings come last so no
        // verifier parameter can override them.
        Assert.Contains("createObject('AzureWebJobsStorage__credential', 'managedidentity'", text, StringComparison.Ordinal);
        Assert.EndsWith(")))]\"", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__clientId", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"AzureWebJobsStorage\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", T.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", T.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_CarryVerifierOptions()
    {
        var text = T.OfType("Microsoft.Web/sites/config").Single().GetProperty("properties").GetRawText();

        foreach (var key in new[] { "Verifier__Policy", "Verifier__RequestDeadline", "Verifier__Http__MaxBodyBytes", "Verifier__Http__AllowedOrigins__", "Verifier__Cache__BlobServiceUri", "Verifier__Cache__ManagedIdentityClientId" })
        {
            Assert.Contains(key, T.Json, StringComparison.Ordinal);
        }

        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Monitoring_LocalAuthOff()
    {
        Assert.True(T.Single("Microsoft.Insights/components").GetProperty("properties").GetProperty("DisableLocalAuth").GetBoolean());
        Assert.True(T.Single("Microsoft.OperationalInsights/workspaces").GetProperty("properties").GetProperty("features").GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void BasicPublishingCredentials_AreDisabled()
    {
        var policies = T.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.GetProperty("properties").GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public void RoleAssignments_GrantBlobDataOwnerAndMetricsPublisher()
    {
        const string blobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        const string metricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

        Assert.NotEmpty(T.OfType("Microsoft.Authorization/roleAssignments"));
        Assert.Contains(blobDataOwner, T.Json, StringComparison.Ordinal);
        Assert.Contains(metricsPublisher, T.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_SafeDefaults()
    {
        var parameters = T.Root.GetProperty("parameters");

        Assert.Equal("default", parameters.GetProperty("issuerPolicy").GetProperty("defaultValue").GetString());
        Assert.False(parameters.GetProperty("vnetEnabled").GetProperty("defaultValue").GetBoolean());
        Assert.Equal(10, parameters.GetProperty("requestDeadlineSeconds").GetProperty("defaultValue").GetInt32());
        Assert.Equal(10 * 1024 * 1024, parameters.GetProperty("maxBodyBytes").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Outputs_NameWhatAzdExpects()
    {
        var outputs = T.Root.GetProperty("outputs");

        foreach (var name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_FUNCTION_NAME", "SERVICE_API_NAME", "SERVICE_API_URI" })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"missing output {name}");
        }
    }

    [Fact]
    public void EveryResource_IsTaggedWithTheAzdEnvironment()
    {
        var taggable = T.Resources.Where(r => r.TryGetProperty("location", out _)
            && r.GetProperty("type").GetString() is not "Microsoft.Resources/deployments");

        Assert.All(taggable, r => Assert.True(r.TryGetProperty("tags", out var tags) && tags.ValueKind != JsonValueKind.Null,
            $"{r.GetProperty("type").GetString()} has no tags"));
    }
}
