using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Verifier.TestSupport;

/// <summary>
/// An Open Badges 2.0 issuer at https://issuer.example with its own RSA key, served by a real loopback server.
/// Hosts reach it through the fetcher's test seam (Verifier:Fetch:AllowLoopback + HostMap["issuer.example"]).
/// </summary>
public sealed class Ob2Site : IAsyncDisposable
{
    public const string Host = "issuer.example";
    public const string Origin = "https://issuer.example";
    public const string IssuerId = Origin + "/issuer.json";
    public const string BadgeId = Origin + "/badge.json";
    public const string KeyId = Origin + "/key.json";
    public const string HostedUrl = Origin + "/assertions/1.json";
    public const string Email = "ada@example.org";

    private Ob2Site(LoopbackServer server)
    {
        Server = server;
        Serve(IssuerId, IssuerProfile());
        Serve(BadgeId, BadgeClass());
        Serve(KeyId, KeyDocument(KeyId, IssuerId, Key));
        Serve(HostedUrl, Assertion(signed: false));
    }

    public LoopbackServer Server { get; }

    public RSA Key { get; } = RSA.Create(2048);

    /// <summary>What the host's HostMap must send issuer.example to.</summary>
    public string MappedTo => Server.BaseUri.GetLeftPart(UriPartial.Authority);

    public static async Task<Ob2Site> StartAsync() => new(await LoopbackServer.StartAsync());

    /// <summary>The site's issuer Profile (served at <see cref="IssuerId"/>), naming its key.</summary>
    public static JsonObject IssuerProfile() => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Issuer",
        ["id"] = IssuerId,
        ["name"] = "Example Issuer",
        ["url"] = Origin,
        ["email"] = "badges@issuer.example",
        ["publicKey"] = KeyId,
    };

    /// <summary>A CryptographicKey document for <paramref name="key"/>'s public half.</summary>
    public static JsonObject KeyDocument(string id, string owner, RSA key) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "CryptographicKey",
        ["id"] = id,
        ["owner"] = owner,
        ["publicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
    };

    /// <summary>The site's BadgeClass (served at <see cref="BadgeId"/>).</summary>
    public static JsonObject BadgeClass() => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "BadgeClass",
        ["id"] = BadgeId,
        ["name"] = "Robotics",
        ["description"] = "Built a robot.",
        ["image"] = Origin + "/badge.png",
        ["criteria"] = new JsonObject { ["narrative"] = "Build a robot." },
        ["issuer"] = IssuerId,
    };

    /// <summary>A valid 2.0 assertion: hosted at <see cref="HostedUrl"/>, or signed with the site's key.</summary>
    public static JsonObject Assertion(bool signed) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Assertion",
        ["id"] = signed ? "urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111" : HostedUrl,
        ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = false, ["identity"] = Email },
        ["badge"] = BadgeId,
        ["issuedOn"] = "2024-01-15T10:00:00Z",
        ["verification"] = signed
            ? new JsonObject { ["type"] = "SignedBadge", ["creator"] = KeyId }
            : new JsonObject { ["type"] = "HostedBadge" },
    };

    /// <summary>A compact JWS (RS256) of a signed assertion, as OB 2.0 "SignedBadge" verification expects.</summary>
    public string SignedAssertion(JsonObject? assertion = null) => Sign(assertion ?? Assertion(signed: true), Key);

    /// <summary>A compact JWS of <paramref name="payload"/> signed with an RSA key (RS256 unless told).</summary>
    public static string Sign(JsonObject payload, RSA key, string alg = "RS256")
    {
        var header = B64(Encoding.UTF8.GetBytes($"{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}"));
        var body = B64(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{B64(signature)}";
    }

    public void Serve(string url, JsonNode document, int status = 200) =>
        Server.MapJson(new Uri(url).AbsolutePath, document.ToJsonString(), status, "application/ld+json");

    public static string B64(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public async ValueTask DisposeAsync()
    {
        Key.Dispose();
        await Server.DisposeAsync();
    }
}
