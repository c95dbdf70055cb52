using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Verifier.Core.Tests.Registries;

/// <summary>Registry documents and OpenID Federation statements the tests make themselves, with their own keys.</summary>
public static class RegistryFixtures
{
    public const string LegacyHost = "registry.example";
    public const string LegacyUrl = "https://registry.example/registry.json";
    public const string AnchorHost = "anchor.example";
    public const string AnchorId = "https://anchor.example";

    /// <summary>The instant every registry test runs at: one clock for the anchors, statements and lookups.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A dcc-legacy document listing the given identities.</summary>
    public static string Legacy(params (string Id, string Name)[] entries)
    {
        var registry = new JsonObject();
        foreach (var (id, name) in entries)
        {
            registry[id] = new JsonObject { ["name"] = name, ["location"] = "Somewhere", ["url"] = "https://" + name.Replace(' ', '-').ToLowerInvariant() + ".example" };
        }

        return new JsonObject { ["meta"] = new JsonObject { ["created"] = "2026-01-01T00:00:00Z" }, ["registry"] = registry }.ToJsonString();
    }

    /// <summary>Signs a compact JWS with typ entity-statement+jwt (the header can be edited).</summary>
    public static string Sign(TestKey key, string kid, JsonObject payload, Action<JsonObject>? header = null)
    {
        var h = new JsonObject { ["alg"] = key.Alg, ["typ"] = "entity-statement+jwt", ["kid"] = kid };
        header?.Invoke(h);
        var input = Jwt.Encode(h) + "." + Jwt.Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(key.Sign(Encoding.ASCII.GetBytes(input)));
    }
}

/// <summary>A trust anchor the test controls: its key, entity configuration and subordinate statements.</summary>
public sealed class TestAnchor : IDisposable
{
    public const string Kid = "anchor-key-1";
    private readonly ConcurrentDictionary<string, string> _statements = new(StringComparer.Ordinal);

    public TestAnchor(DateTimeOffset now, string entityId = RegistryFixtures.AnchorId)
    {
        Now = now;
        EntityId = entityId;
    }

    public TestKey Key { get; } = TestKey.P256();

    public DateTimeOffset Now { get; }

    public string EntityId { get; }

    public string FetchEndpoint => EntityId + "/fetch";

    public JsonObject PublicJwk()
    {
        var jwk = Key.Jwk();
        jwk["kid"] = Kid;
        return jwk;
    }

    public JsonObject ConfigurationPayload() => new()
    {
        ["iss"] = EntityId,
        ["sub"] = EntityId,
        ["iat"] = Now.AddHours(-1).ToUnixTimeSeconds(),
        ["exp"] = Now.AddDays(1).ToUnixTimeSeconds(),
        ["jwks"] = new JsonObject { ["keys"] = new JsonArray(PublicJwk()) },
        ["metadata"] = new JsonObject
        {
            ["federation_entity"] = new JsonObject { ["organization_name"] = "Test Anchor", ["federation_fetch_endpoint"] = FetchEndpoint },
        },
    };

    public string Configuration(Action<JsonObject>? edit = null, TestKey? signer = null, Action<JsonObject>? header = null)
    {
        var payload = ConfigurationPayload();
        edit?.Invoke(payload);
        return RegistryFixtures.Sign(signer ?? Key, Kid, payload, header);
    }

    public JsonObject StatementPayload(string sub, string name) => new()
    {
        ["iss"] = EntityId,
        ["sub"] = sub,
        ["iat"] = Now.AddHours(-1).ToUnixTimeSeconds(),
        ["exp"] = Now.AddDays(1).ToUnixTimeSeconds(),
        ["metadata"] = new JsonObject
        {
            ["federation_entity"] = new JsonObject
            {
                ["organization_name"] = name,
                ["homepage_uri"] = "https://" + name.Replace(' ', '-').ToLowerInvariant() + ".example",
                ["logo_uri"] = "data:image/png;base64,iVBORw0KGgo=",
            },
            ["institution_additional_information"] = new JsonObject { ["legal_name"] = "The Board of " + name },
        },
    };

    public string Statement(string sub, string name, Action<JsonObject>? edit = null, TestKey? signer = null, Action<JsonObject>? header = null)
    {
        var payload = StatementPayload(sub, name);
        edit?.Invoke(payload);
        return RegistryFixtures.Sign(signer ?? Key, Kid, payload, header);
    }

    /// <summary>Lists a subject: the fetch endpoint answers this statement for it.</summary>
    public void List(string sub, string statement) => _statements[sub] = statement;

    /// <summary>Serves the entity configuration and the fetch endpoint (404 for a subject not listed).</summary>
    public void Serve(LoopbackServer server, string? configuration = null)
    {
        var path = new Uri(EntityId).AbsolutePath.TrimEnd('/');
        server.MapJson(path + "/.well-known/openid-federation", configuration ?? Configuration(), contentType: "application/entity-statement+jwt");
        server.Map(path + "/fetch", async ctx =>
        {
            if (ctx.Request.Query["sub"].ToString() is { Length: > 0 } sub && _statements.TryGetValue(sub, out var jwt))
            {
                ctx.Response.ContentType = "application/entity-statement+jwt";
                await ctx.Response.WriteAsync(jwt);
                return;
            }

            ctx.Response.StatusCode = 404;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync("{\"error\":\"not_found\"}");
        });
    }

    public void Dispose() => Key.Dispose();
}
