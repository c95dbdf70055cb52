using static Verifier.Core.Tests.Attacks.AttackLab;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// The real issuer's Open Badges 2.0 site on real.edu (Profile, BadgeClass, RSA key, revocation list, a hosted
/// assertion for the victim) and the forger's own RSA key. Documents are plain JSON the tests change before
/// <see cref="Publish"/>; signing and hashing reuse <see cref="Ob2TestIssuer"/>.
/// </summary>
internal sealed class Ob2World : IDisposable
{
    public const string IssuerId = Real + "/issuer";
    public const string BadgeId = Real + "/badges/robotics";
    public const string KeyId = Real + "/keys/1";
    public const string RevocationsId = Real + "/revocations";
    public const string AssertionId = Real + "/assertions/x";
    public const string Victim = "victim@example.org";
    public const string Attacker = "mallory@evil.example";
    public const string Salt = "s4lt";
    private const string Context = "https://w3id.org/openbadges/v2";

    public Ob2World()
    {
        Issuer = Profile(IssuerId, KeyId);
        Issuer["revocationList"] = RevocationsId;
        BadgeClass = Badge(BadgeId, IssuerId);
        KeyDocument = Key(KeyId, IssuerId, RealKey);
        RevocationList = new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "RevocationList",
            ["id"] = RevocationsId,
            ["issuer"] = IssuerId,
            ["revokedAssertions"] = new JsonArray(),
        };
    }

    public RSA RealKey { get; } = RSA.Create(2048);

    public RSA EvilKey { get; } = RSA.Create(2048);

    public JsonObject Issuer { get; }

    public JsonObject BadgeClass { get; }

    public JsonObject KeyDocument { get; }

    public JsonObject RevocationList { get; }

    /// <summary>A new world with the real issuer and the victim's assertion already published on <paramref name="lab"/>.</summary>
    public static Ob2World PublishedOn(AttackLab lab)
    {
        var world = new Ob2World();
        world.Publish(lab);
        return world;
    }

    /// <summary>Publishes the real issuer's documents and the victim's hosted assertion at <see cref="AssertionId"/>.</summary>
    public void Publish(AttackLab lab)
    {
        lab.Serve(IssuerId, Issuer);
        lab.Serve(BadgeId, BadgeClass);
        lab.Serve(KeyId, KeyDocument);
        lab.Serve(RevocationsId, RevocationList);
        lab.Serve(AssertionId, Hosted(AssertionId, Victim));
    }

    /// <summary>A Profile naming itself Real University, whoever serves it.</summary>
    public static JsonObject Profile(string id, params string[] keys)
    {
        var profile = new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Issuer",
            ["id"] = id,
            ["name"] = "Real University",
            ["url"] = Real,
            ["email"] = "badges@real.edu",
        };
        if (keys.Length > 0)
        {
            profile["publicKey"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k))]);
        }

        return profile;
    }

    public static JsonObject Badge(string id, string issuer) => new()
    {
        ["@context"] = Context,
        ["type"] = "BadgeClass",
        ["id"] = id,
        ["name"] = "Robotics",
        ["description"] = "Built a robot.",
        ["image"] = Real + "/badges/robotics.png",
        ["criteria"] = new JsonObject { ["narrative"] = "Build a robot." },
        ["issuer"] = issuer,
    };

    public static JsonObject Key(string id, string owner, RSA key) => Ob2TestIssuer.KeyDoc(id, owner, key);

    public static JsonObject Recipient(string email) => new()
    {
        ["type"] = "email",
        ["hashed"] = true,
        ["salt"] = Salt,
        ["identity"] = Ob2TestIssuer.HashedEmail(email, Salt),
    };

    public static string HashOf(string email) => Ob2TestIssuer.HashedEmail(email, Salt);

    public static JsonObject Hosted(string id, string email, string badge = BadgeId) => new()
    {
        ["@context"] = Context,
        ["type"] = "Assertion",
        ["id"] = id,
        ["recipient"] = Recipient(email),
        ["badge"] = badge,
        ["issuedOn"] = "2026-01-15T10:00:00Z",
        ["verification"] = new JsonObject { ["type"] = "HostedBadge" },
    };

    /// <summary>A signed assertion (urn:uuid id); <paramref name="creator"/> null leaves the key to the issuer's list.</summary>
    public static JsonObject Signed(string email, string? creator = KeyId, string badge = BadgeId)
    {
        var verification = new JsonObject { ["type"] = "SignedBadge" };
        if (creator is not null)
        {
            verification["creator"] = creator;
        }

        return new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Assertion",
            ["id"] = "urn:uuid:7f1e0c2a-5d3b-4e8f-9a61-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)))[..12],
            ["recipient"] = Recipient(email),
            ["badge"] = badge,
            ["issuedOn"] = "2026-01-15T10:00:00Z",
            ["verification"] = verification,
        };
    }

    public static string Sign(JsonObject assertion, RSA key) => Ob2TestIssuer.Sign(assertion, key);

    public void Dispose()
    {
        RealKey.Dispose();
        EvilKey.Dispose();
    }
}
