namespace Verifier.Cli.Tests;

internal static class Badges
{
    /// <summary>An OB 2.0 hosted assertion whose issuer does not exist: never valid, whatever the engine supports.</summary>
    public const string UnverifiableAssertion = """
        {
          "@context": "https://w3id.org/openbadges/v2",
          "type": "Assertion",
          "id": "https://issuer.invalid/assertions/1",
          "recipient": { "type": "email", "hashed": false, "identity": "ada@example.org" },
          "badge": "https://issuer.invalid/badges/1",
          "verification": { "type": "HostedBadge" },
          "issuedOn": "2024-01-01T00:00:00Z"
        }
        """;

    /// <summary>A PNG signature and nothing valid after it: no badge can come out of it.</summary>
    public static byte[] BrokenPng { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
}
