using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine.Settings;
using Verifier.Core.Jobs;

namespace Verifier.Storage.Jobs;

public static class JobRegistration
{
    /// <summary>
    /// Adds jobs over the storage account under "Verifier:Jobs" when configured (service URIs with managed identity, or
    /// Azurite's connection string): <see cref="IJobService"/> for the HTTP routes and <see cref="JobProcessor"/> for the
    /// queue-triggered function. Without them nothing is registered and the job routes answer 501.
    /// </summary>
    public static IServiceCollection AddVerifierJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVerifierSettings<JobOptions>(JobOptions.SectionName).Bind(configuration.GetSection(JobOptions.SectionName));
        var options = configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        if (!options.IsConfigured)
        {
            return services;
        }

        services.TryAddSingleton(sp => new JobStore(CreateContainerClient(sp.GetRequiredService<IOptions<JobOptions>>().Value)));
        services.TryAddSingleton(sp => CreateQueueClient(sp.GetRequiredService<IOptions<JobOptions>>().Value));
        services.TryAddSingleton<IJobService, JobService>();
        services.TryAddSingleton<JobProcessor>();
        return services;
    }

    public static BlobContainerClient CreateContainerClient(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        var service = options.BlobServiceUri is { } uri && options.QueueServiceUri is not null
            ? new BlobServiceClient(uri, Credential(options), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
        return service.GetBlobContainerClient(options.ContainerName);
    }

    /// <summary>Base64 messages: what the Functions queue trigger expects by default (host.json messageEncoding).</summary>
    public static QueueClient CreateQueueClient(JobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        return options.QueueServiceUri is { } uri && options.BlobServiceUri is not null
            ? new QueueClient(new Uri(uri, JobQueue.Name), Credential(options), clientOptions)
            : new QueueClient(options.ConnectionString, JobQueue.Name, clientOptions);
    }

    private static DefaultAzureCredential Credential(JobOptions options) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
    });
}
