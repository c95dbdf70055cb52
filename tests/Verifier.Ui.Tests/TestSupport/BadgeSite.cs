using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Verifier.Ui.Tests.TestSupport;

/// <summary>
/// An Open Badges 2.0 issuer at https://issuer.example (mapped to a real loopback server by the host's HostMap) with
/// hosted assertions: one ordinary badge and one whose BadgeClass carries HTML in its name and description.
/// </summary>
public sealed class BadgeSite : IAsyncDisposable
{
    public const string Host = "issuer.example";
    public const string Origin = "https://" + Host;
    public const string IssuerName = "Example Issuer";
    public const string BadgeName = "Robotics";
    public const string Email = "learner@example.org";
    public const string AssertionUrl = Origin + "/assertions/1.json";
    public const string XssAssertionUrl = Origin + "/assertions/xss.json";
    public const string UnavailableAssertionUrl = Origin + "/assertions/down.json";
    public const string RevokedAssertionUrl = Origin + "/assertions/revoked.json";
    public const string RevocationReason = "awarded by mistake";

    /// <summary>The badge's page for people (what an employer is usually sent): HTML, not a badge.</summary>
    public const string WebPageUrl = Origin + "/badges/robotics-ada";
    public const string XssName = "<img src=x onerror=alert(1)>";
    public const string XssDescription = "<script>alert(2)</script><b>bold</b>";
    private const string Context = "https://w3id.org/openbadges/v2";
    private const string Salt = "pepper";

    private BadgeSite(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>The server's authority (http://127.0.0.1:port), the HostMap target for <see cref="Host"/>.</summary>
    public string Authority => Server.BaseUri.GetLeftPart(UriPartial.Authority);

    public static async Task<BadgeSite> StartAsync()
    {
        var site = new BadgeSite(await LoopbackServer.StartAsync());
        site.Serve("/issuer.json", new JsonObject
        {
            ["@context"] = Context,
            ["type"] = "Issuer",
            ["id"] = Origin + "/issuer.json",
            ["name"] = IssuerName,
            ["url"] = Origin,
            ["email"] = "badges@issuer.example",
        });
        site.Serve("/badge.json", BadgeClass("/badge.json", BadgeName, "Built a robot."));
        site.Serve("/badge-xss.json", BadgeClass("/badge-xss.json", XssName, XssDescription));
        site.Serve("/assertions/1.json", Assertion(AssertionUrl, "/badge.json"));
        site.Serve("/assertions/xss.json", Assertion(XssAssertionUrl, "/badge-xss.json"));
        site.Server.MapStatus("/assertions/down.json", 503); // the issuer's server is down: a transient failure
        var revoked = Assertion(RevokedAssertionUrl, "/badge.json");
        revoked["revoked"] = true;
        revoked["revocationReason"] = RevocationReason;
        site.Serve("/assertions/revoked.json", revoked);
        site.Server.MapBytes("/badges/robotics-ada", Encoding.UTF8.GetBytes(
            "<!doctype html><html lang=en><title>Ada's Robotics badge</title><h1>Robotics</h1><p>Awarded to Ada.</p></html>"), "text/html; charset=utf-8");
        return site;
    }

    /// <summary>A well-formed 2.0 assertion with no verification instructions: invalid without any fetch.</summary>
    public static string UnverifiableAssertionJson()
    {
        var assertion = Assertion(AssertionUrl, "/badge.json");
        assertion.Remove("verification");
        return assertion.ToJsonString();
    }

    private static JsonObject BadgeClass(string path, string name, string description) => new()
    {
        ["@context"] = Context,
        ["type"] = "BadgeClass",
        ["id"] = Origin + path,
        ["name"] = name,
        ["description"] = description,
        ["image"] = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><circle cx="48" cy="48" r="44" fill="#2f6f4f"/></svg>""")),
        ["criteria"] = new JsonObject { ["narrative"] = "Do the work." },
        ["issuer"] = Origin + "/issuer.json",
    };

    private static JsonObject Assertion(string id, string badgePath) => new()
    {
        ["@context"] = Context,
        ["type"] = "Assertion",
        ["id"] = id,
        ["recipient"] = new JsonObject
        {
            ["type"] = "email",
            ["hashed"] = true,
            ["salt"] = Salt,
            ["identity"] = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email + Salt))),
        },
        ["badge"] = Origin + badgePath,
        ["issuedOn"] = "2026-01-15T10:00:00Z",
        ["verification"] = new JsonObject { ["type"] = "HostedBadge" },
    };

    private void Serve(string path, JsonObject document) =>
        Server.MapJson(path, document.ToJsonString(), contentType: "application/ld+json");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
