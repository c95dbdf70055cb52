using System.Text.RegularExpressions;

namespace Verifier.Core.Tests.Conformance;

/// <summary>What the network looks like to a fixture verification.</summary>
public enum FixtureNetwork
{
    /// <summary>Only the URLs the credential names are served (from their copies); every other host is unreachable.</summary>
    AsPublished,

    /// <summary>
    /// Also each status list copy at the id it declares, as the issuer's status service answers it there (DCC's lists
    /// declare https://testing.dcconsortium.org/status/…, 1EdTech's https://example.com/credentials/status/3, while the
    /// fixtures serve copies from GitHub): docs/security.md rule 1 then finds the fixed point it asks for.
    /// </summary>
    ListsAtDeclaredIds,
}

/// <summary>
/// Verifies one row of ../shared/conformance/ob3/expectations.json through BadgeVerifier: the status lists and
/// did:web documents the credential names are served from their copies through a loopback server; every other host
/// the credential names answers 404.
/// </summary>
internal static partial class DataIntegrityFixtureSite
{
    // Where the fixtures' remote documents live in ../shared/conformance/ob3.
    private static readonly (string UrlPrefix, string Folder, string Suffix)[] Copies =
    [
        ("https://digitalcredentials.github.io/vc-test-fixtures/", "dcc-vc-test-fixtures/", ""),
        ("https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/", "1edtech-validator/", ""),
        ("https://raw.githubusercontent.com/digitalcredentials/verifier-core/refs/heads/main/src/test-fixtures/status/", "dcc-verifier-core/status__", ".json"),
    ];

    public static async Task<VerificationReport> VerifyAsync(
        string root, string contexts, string credential, IssuerPolicy policy, VerificationProfile profile, FixtureNetwork network)
    {
        await using var server = await LoopbackServer.StartAsync();
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in UrlPattern().Matches(credential))
        {
            hosts.Add(new Uri(m.Value).Host);
            foreach (var (prefix, folder, suffix) in Copies)
            {
                if (m.Value.StartsWith(prefix, StringComparison.Ordinal) && Path.Combine(root, folder + m.Value[prefix.Length..] + suffix) is var local && File.Exists(local))
                {
                    var bytes = File.ReadAllBytes(local);
                    server.MapBytes(new Uri(m.Value).AbsolutePath, bytes, "application/json");
                    if (network == FixtureNetwork.ListsAtDeclaredIds && DeclaredId(bytes) is { } declared && declared.AbsoluteUri != m.Value)
                    {
                        hosts.Add(declared.Host);
                        server.MapBytes(declared.AbsolutePath, bytes, "application/json");
                    }
                }
            }
        }

        // did:web documents of the DCC fixtures (did:web:digitalcredentials.github.io:vc-test-fixtures:dids:NAME).
        foreach (var did in new[] { "legacy", "oidf" })
        {
            server.MapBytes($"/vc-test-fixtures/dids/{did}/did.json", File.ReadAllBytes(Path.Combine(root, $"dcc-vc-test-fixtures/dids/{did}/did.json")), "application/json");
        }

        hosts.Add("digitalcredentials.github.io");
        using var services = EngineFactory.Build(server, hosts, configure: o => o.Contexts.Path = contexts);
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromText(credential),
            Policy = policy,
            Profile = profile,
        });
    }

    public static (string File, string? Mutation) SplitMutation(string entry)
    {
        var at = entry.IndexOf(" [", StringComparison.Ordinal);
        return at < 0 ? (entry, null) : (entry[..at], entry[(at + 2)..^1]);
    }

    /// <summary>The mutations verifier-core's tests apply to v2NoStatus (MANIFEST.md).</summary>
    public static string Mutate(string json, string? mutation)
    {
        if (mutation is null)
        {
            return json;
        }

        var node = JsonNode.Parse(json)!.AsObject();
        switch (mutation)
        {
            case "name changed": node["name"] = node["name"]!.GetValue<string>() + " (changed)"; break;
            case "id \"0923lksjf\"": node["id"] = "0923lksjf"; break;
            case "proof removed": node.Remove("proof"); break;
            case "no @context": node.Remove("@context"); break;
            default: throw new InvalidOperationException($"unknown mutation {mutation}");
        }

        return node.ToJsonString();
    }

    private static Uri? DeclaredId(byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String && Uri.TryCreate(id.GetString(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
                ? uri
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\"\\s#]*)?")]
    private static partial Regex UrlPattern();
}
