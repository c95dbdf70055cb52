namespace Verifier.Cli.Tests;

internal static class Badges
{
    /// <summary>
    /// An OB 2.0 assertion that declares signed verification but arrives as plain JSON: invalid with no network at all
    /// (the signature it promises is not there), so the outcome never depends on DNS.
    /// </summary>
    public const string UnverifiableAssertion = """
        {
          "@context": "https://w3id.org/openbadges/v2",
          "type": "Assertion",
          "id": "urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111",
          "recipient": { "type": "email", "hashed": false, "identity": "ada@example.org" },
          "badge": "https://issuer.invalid/badges/1",
          "verification": { "type": "SignedBadge", "creator": "https://issuer.invalid/key.json" },
          "issuedOn": "2024-01-01T00:00:00Z"
        }
        """;

    /// <summary>A PNG signature and nothing valid after it: no badge can come out of it.</summary>
    public static byte[] BrokenPng { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
}
