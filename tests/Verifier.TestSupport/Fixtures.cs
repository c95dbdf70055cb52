using System.Text;

namespace Verifier.TestSupport;

/// <summary>Badge inputs made by the tests themselves: documents, a compact JWS, and minimal PNG/SVG images.</summary>
public static class Fixtures
{
    public const string Ob2Assertion = """
        {
          "@context": "https://w3id.org/openbadges/v2",
          "type": "Assertion",
          "id": "https://issuer.example/assertions/1",
          "recipient": { "type": "email", "hashed": false, "identity": "ada@example.org" },
          "badge": "https://issuer.example/badges/1",
          "verification": { "type": "HostedBadge" },
          "issuedOn": "2024-01-01T00:00:00Z"
        }
        """;

    public const string Ob3Credential = """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": { "id": "https://issuer.example", "type": ["Profile"], "name": "Issuer" },
          "validFrom": "2024-01-01T00:00:00Z",
          "credentialSubject": { "type": ["AchievementSubject"], "achievement": { "id": "https://issuer.example/a/1", "type": ["Achievement"], "name": "A", "criteria": { "narrative": "n" } } }
        }
        """;

    /// <summary>A structurally valid compact JWS (its signature is junk: the point is routing, not trust).</summary>
    public static string CompactJws { get; } = string.Join('.',
        B64("""{"alg":"RS256","kid":"https://issuer.example/key"}"""),
        B64(Ob2Assertion),
        B64("not-a-signature"));

    /// <summary>A 1×1 grey PNG, optionally with an iTXt chunk under <paramref name="keyword"/>.</summary>
    public static byte[] Png(string? keyword = null, string? text = null) =>
        (keyword is null ? TestPng.Start() : TestPng.Start().Itxt(keyword, text ?? string.Empty)).Image().End().ToArray();

    public static string Svg(string? assertion = null) => assertion is null
        ? """<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>"""
        : $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="1" height="1"><openbadges:assertion verify="{assertion}"/><rect width="1" height="1"/></svg>""";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
