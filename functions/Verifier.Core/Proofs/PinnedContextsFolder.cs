using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.LinkedData.Contexts;

namespace Verifier.Core.Proofs;

/// <summary>
/// Where the pinned JSON-LD contexts are read from before any cache or network: <c>Verifier:Contexts:Path</c> when
/// set, else the <c>contexts</c> folder the build copies beside the application (docs/configuration.md, "Pinned
/// contexts"), so a deployment checks its first Data Integrity proof without w3.org, w3id.org or purl.imsglobal.org.
/// </summary>
internal static class PinnedContextsFolder
{
    public const string DefaultFolderName = "contexts";

    /// <summary>The folder to read, or null when neither the setting nor a packaged folder has an index.json.</summary>
    public static string? Resolve(VerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Contexts.Path is { Length: > 0 } configured)
        {
            return configured;
        }

        var packaged = Path.Combine(AppContext.BaseDirectory, DefaultFolderName);
        return File.Exists(Path.Combine(packaged, "index.json")) ? packaged : null;
    }
}

/// <summary>Readiness of the pinned contexts: how many of them this instance has without the network.</summary>
internal sealed class PinnedContextsReadiness(IOptions<VerifierOptions> options) : IReadinessCheck
{
    public string Name => "contexts";

    public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var folder = PinnedContextsFolder.Resolve(options.Value);
        if (folder is null)
        {
            return Task.FromResult(ReadinessResult.Failed("no pinned contexts folder: every Data Integrity proof depends on the contexts' sites being up"));
        }

        try
        {
            var loader = FolderContextLoader.Open(folder);
            var pinned = PinnedContexts.Default.Keys.Count(loader.Urls.Contains);
            var detail = $"{pinned} of {PinnedContexts.Default.Count} pinned contexts in {folder}";
            return Task.FromResult(pinned == PinnedContexts.Default.Count ? ReadinessResult.Ok(detail)
                : pinned > 0 ? ReadinessResult.Degraded(detail + "; the others come from the network")
                : ReadinessResult.Failed(detail));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return Task.FromResult(ReadinessResult.Failed($"{folder}: {e.Message}"));
        }
    }
}
