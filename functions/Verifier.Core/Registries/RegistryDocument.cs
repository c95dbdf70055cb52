using System.Text.Json;
using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Core.Registries;

/// <summary>
/// A registry in the Digital Credentials Consortium's JSON format (<c>{ meta, registry: { "&lt;DID&gt;": { name,
/// url?, location?, legalName? } } }</c>), read once per version of its bytes into lookup tables. Also the format of
/// local registries, whose keys may be https issuer URLs.
/// </summary>
internal sealed class RegistryDocument
{
    private readonly Dictionary<string, RegistryListing> _dids;
    private readonly Dictionary<string, List<(Uri Id, RegistryListing Listing)>> _webByHost;

    private RegistryDocument(Dictionary<string, RegistryListing> dids, Dictionary<string, List<(Uri, RegistryListing)>> webByHost)
    {
        _dids = dids;
        _webByHost = webByHost;
    }

    /// <summary>How many issuers the document lists.</summary>
    public int Count => _dids.Count + _webByHost.Values.Sum(l => l.Count);

    /// <summary>The listing for an identity, or null.</summary>
    public RegistryListing? Find(RegistryIdentity identity)
    {
        if (identity.Web is not { } web)
        {
            return _dids.GetValueOrDefault(identity.Value);
        }

        if (_webByHost.TryGetValue(web.IdnHost, out var candidates))
        {
            foreach (var (id, listing) in candidates)
            {
                if (WebIdentity.SameDocument(id, web))
                {
                    return listing;
                }
            }
        }

        return null;
    }

    /// <summary>Reads a registry document; the error says why it is not one (a 200 with another body is not an empty list).</summary>
    /// <param name="json">The document's bytes.</param>
    /// <param name="registry">The configured registry name, written into every listing.</param>
    /// <param name="error">Why the document was refused, or null.</param>
    public static RegistryDocument? Parse(ReadOnlyMemory<byte> json, string registry, out string? error)
    {
        JsonDocument document;
        try
        {
            // Duplicate names are refused: a DID listed twice under two names has no one answer.
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            error = $"the registry document is not valid JSON ({e.Message})";
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("registry", out var map) || map.ValueKind != JsonValueKind.Object)
            {
                error = "the document has no \"registry\" object: it is not an issuer registry";
                return null;
            }

            return FromEntries(map.EnumerateObject().Select(p => (p.Name, p.Value)), registry, out error);
        }
    }

    /// <summary>Inline entries of a local registry, from configuration.</summary>
    public static RegistryDocument? FromOptions(IEnumerable<RegistryEntryOptions> entries, string registry, out string? error)
    {
        var dids = new Dictionary<string, RegistryListing>(StringComparer.Ordinal);
        var web = new Dictionary<string, List<(Uri, RegistryListing)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            var listing = new RegistryListing { Registry = registry, Name = e.Name, Url = HttpOnly(e.Url), LegalName = e.LegalName };
            if (!Add(e.Id, listing, dids, web, out error))
            {
                return null;
            }
        }

        error = null;
        return new RegistryDocument(dids, web);
    }

    private static RegistryDocument? FromEntries(IEnumerable<(string Id, JsonElement Value)> entries, string registry, out string? error)
    {
        var dids = new Dictionary<string, RegistryListing>(StringComparer.Ordinal);
        var web = new Dictionary<string, List<(Uri, RegistryListing)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, value) in entries)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                error = $"the entry for {id} is not a JSON object";
                return null;
            }

            var listing = new RegistryListing
            {
                Registry = registry,
                Name = JsonRead.String(value, "name"),
                Url = HttpOnly(JsonRead.String(value, "url")),
                LegalName = JsonRead.String(value, "legalName"),
            };
            if (!Add(id, listing, dids, web, out error))
            {
                return null;
            }
        }

        error = null;
        return new RegistryDocument(dids, web);
    }

    private static bool Add(string? id, RegistryListing listing, Dictionary<string, RegistryListing> dids, Dictionary<string, List<(Uri, RegistryListing)>> web, out string? error)
    {
        error = null;
        if (RegistryIdentity.Normalize(id) is not { } identity)
        {
            // An entry no verified identity can ever have (empty, a urn:uuid, a relative URL) is refused, so that a
            // typo in an operator's list is seen rather than silently never matching.
            error = $"the entry {(string.IsNullOrEmpty(id) ? "with no id" : id)} is neither a DID nor an http(s) URL";
            return false;
        }

        if (identity.Web is { } url)
        {
            if (!web.TryGetValue(url.IdnHost, out var list))
            {
                web[url.IdnHost] = list = [];
            }

            list.Add((url, listing));
            return true;
        }

        if (!dids.TryAdd(identity.Value, listing))
        {
            error = $"{identity.Value} is listed twice";
            return false;
        }

        return true;
    }

    /// <summary>Only http(s) homepages: the page renders the url as a link, and a javascript: URL must never be one.</summary>
    internal static string? HttpOnly(string? url) => WebIdentity.HttpUrl(url) is not null ? url : null;
}
