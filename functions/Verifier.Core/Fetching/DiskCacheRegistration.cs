using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine.Settings;

namespace Verifier.Core.Fetching;

public static class DiskCacheRegistration
{
    /// <summary>
    /// The disk tier for the local host and the CLI (<c>Verifier:Cache:Directory</c>, size-capped). Not registered
    /// when <c>Verifier:Cache:DiskEnabled</c> is false, when another shared store is registered, or with
    /// <c>Verifier:Fetch:AllowLoopback</c>: loopback servers are development and test servers whose answers change
    /// from one run to the next, and a disk entry outlives the run.
    /// </summary>
    public static IServiceCollection AddVerifierDiskCache(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVerifierSettings<DiskCacheOptions>(DiskCacheOptions.SectionName).Bind(configuration.GetSection(DiskCacheOptions.SectionName));
        var enabled = configuration.GetValue<bool?>($"{DiskCacheOptions.SectionName}:{nameof(DiskCacheOptions.DiskEnabled)}") ?? true;
        if (!enabled || configuration.GetValue<bool>("Verifier:Fetch:AllowLoopback"))
        {
            return services;
        }

        services.TryAddSingleton<IDocumentCacheStore>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<DiskCacheOptions>>().Value;
            return new FileDocumentCacheStore(settings.ResolveDirectory(), settings.DirectoryMaxBytes, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Engine.IReadinessCheck, DiskCacheReadiness>());
        return services;
    }
}

/// <summary>Readiness of the disk tier: its folder exists and can be written.</summary>
internal sealed class DiskCacheReadiness(IDocumentCacheStore store) : Engine.IReadinessCheck
{
    public string Name => "disk-cache";

    public async Task<Engine.ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (store is not FileDocumentCacheStore disk)
        {
            return Engine.ReadinessResult.Ok("another shared store is registered");
        }

        var probe = Path.Combine(disk.Folder, $".ready-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllBytesAsync(probe, [1], cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            return Engine.ReadinessResult.Ok(disk.Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The cache is an optimisation: without it the instance still verifies, from the network.
            return Engine.ReadinessResult.Degraded($"{disk.Folder} cannot be written: {e.Message}");
        }
    }
}
