using System.Text.Json;

namespace Verifier.Infra.Tests;

/// <summary>
/// What jobs need from the deployment (docs/jobs.md): the queue the trigger names and a container, the app's identity
/// allowed on both, the settings that point the app at them, and host.json's retry and poison rules.
/// </summary>
public class JobsInfraTests
{
    /// <summary>Verifier.Storage's JobQueue.Name, which JobBatchFunction's trigger names at build time.</summary>
    private const string QueueName = "verifier-jobs";

    private static CompiledTemplate T => CompiledTemplate.Main;

    [Fact]
    public void Storage_HasTheJobQueueAndContainer()
    {
        var variables = T.Root.GetProperty("variables");

        Assert.Equal(QueueName, variables.GetProperty("jobsQueueName").GetString());
        Assert.Contains("jobsQueueName", T.Single("Microsoft.Storage/storageAccounts/queueServices/queues").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains(T.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            c => c.GetProperty("name").GetString()!.Contains("jobsContainerName", StringComparison.Ordinal));
    }

    [Fact]
    public void AppIdentity_MayReadAndWriteQueuesAndBlobs()
    {
        const string queueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
        const string blobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

        Assert.Contains(queueDataContributor, T.Json, StringComparison.Ordinal);
        Assert.Contains(blobDataOwner, T.Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Verifier__Jobs__BlobServiceUri")]
    [InlineData("Verifier__Jobs__QueueServiceUri")]
    [InlineData("Verifier__Jobs__ManagedIdentityClientId")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    public void AppSettings_PointJobsAndTheTriggerAtTheAccountWithTheIdentity(string setting) =>
        Assert.Contains(setting, T.Json, StringComparison.Ordinal);

    [Fact]
    public void AppSettings_NoStorageKeyOrConnectionStringForJobs()
    {
        Assert.DoesNotContain("Verifier__Jobs__ConnectionString", T.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey=", T.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void HostJson_QueueRetriesThenPoison_Base64AsTheEnqueuerWrites()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "..", "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.InRange(queues.GetProperty("batchSize").GetInt32(), 1, 32);
        Assert.True(TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
    }
}
