namespace Verifier.Core.Tests.OpenBadges2;

/// <summary>
/// A test issuer at https://issuer.example with its own RSA key, BadgeClass and revocation list, served by a real
/// loopback server through the fetcher's HostMap. Tests change documents before verifying. The documents are those of
/// <see cref="Ob2Site"/> (the hosts' issuer), plus a revocation list.
/// </summary>
public sealed class Ob2TestIssuer : IAsyncDisposable
{
    public const string Host = Ob2Site.Host;
    public const string Origin = Ob2Site.Origin;
    public const string IssuerId = Ob2Site.IssuerId;
    public const string BadgeId = Ob2Site.BadgeId;
    public const string KeyId = Ob2Site.KeyId;
    public const string RevocationListId = Origin + "/revocations.json";
    public const string AssertionUrl = Origin + "/assertions/1.json";
    public const string Email = "Learner@Example.org";
    public const string Salt = "deadsea";

    private Ob2TestIssuer(LoopbackServer server)
    {
        Server = server;
        Key = RSA.Create(2048);
        Issuer = Ob2Site.IssuerProfile();
        Issuer["revocationList"] = RevocationListId;
        BadgeClass = Ob2Site.BadgeClass();
        KeyDocument = KeyDoc(KeyId, IssuerId, Key);
        RevocationList = new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2",
            ["type"] = "RevocationList",
            ["id"] = RevocationListId,
            ["issuer"] = IssuerId,
            ["revokedAssertions"] = new JsonArray(),
        };
    }

    public LoopbackServer Server { get; }

    public RSA Key { get; }

    public JsonObject Issuer { get; }

    public JsonObject BadgeClass { get; }

    public JsonObject KeyDocument { get; }

    public JsonObject RevocationList { get; }

    public static async Task<Ob2TestIssuer> StartAsync() => new(await LoopbackServer.StartAsync());

    public static string HashedEmail(string email, string salt = Salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email + salt)));

    public static JsonObject KeyDoc(string id, string owner, RSA key) => Ob2Site.KeyDocument(id, owner, key);

    /// <summary>A valid 2.0 assertion; hosted at <see cref="AssertionUrl"/> or signed (urn:uuid id, creator key).</summary>
    public static JsonObject Assertion(bool signed = false) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2",
        ["type"] = "Assertion",
        ["id"] = signed ? "urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111" : AssertionUrl,
        ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = true, ["salt"] = Salt, ["identity"] = HashedEmail(Email.ToLowerInvariant()) },
        ["badge"] = BadgeId,
        ["issuedOn"] = "2026-01-15T10:00:00Z",
        ["verification"] = signed
            ? new JsonObject { ["type"] = "SignedBadge", ["creator"] = KeyId }
            : new JsonObject { ["type"] = "HostedBadge" },
    };

    /// <summary>Publishes the issuer documents (call again after changing them).</summary>
    public void Publish()
    {
        Serve(IssuerId, Issuer);
        Serve(BadgeId, BadgeClass);
        Serve(KeyId, KeyDocument);
        Serve(RevocationListId, RevocationList);
    }

    public void Serve(string url, JsonNode document, int status = 200) =>
        Server.MapJson(new Uri(url).AbsolutePath, document.ToJsonString(), status, "application/ld+json");

    public static string Sign(JsonObject payload, RSA key, string alg = "RS256") => Ob2Site.Sign(payload, key, alg);

    public static string B64(ReadOnlySpan<byte> bytes) => Ob2Site.B64(bytes);

    public async Task<VerificationReport> VerifyAsync(VerificationInput input, string? recipient = null, DateTimeOffset? at = null, VerificationProfile? profile = null)
    {
        using var sp = EngineFactory.Build(Server, [Host, "other.example"]);
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = input,
            Recipient = recipient,
            At = at,
            Profile = profile,
        });
    }

    public ValueTask DisposeAsync()
    {
        Key.Dispose();
        return Server.DisposeAsync();
    }
}
