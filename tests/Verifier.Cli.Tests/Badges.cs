using System.Text.Json.Nodes;

namespace Verifier.Cli.Tests;

internal static class Badges
{
    /// <summary>
    /// An OB 2.0 assertion that declares signed verification but arrives as plain JSON: invalid with no network at all
    /// (the signature it promises is not there), so the outcome never depends on DNS.
    /// </summary>
    public static string UnverifiableAssertion { get; } = Unverifiable();

    /// <summary>A PNG signature and nothing valid after it: no badge can come out of it.</summary>
    public static byte[] BrokenPng { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    // The shared OB 2.0 assertion, given a urn id, a badge on a host that cannot resolve and a signed verification.
    private static string Unverifiable()
    {
        var assertion = JsonNode.Parse(Fixtures.Ob2Assertion)!.AsObject();
        assertion["id"] = "urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111";
        assertion["badge"] = "https://issuer.invalid/badges/1";
        assertion["verification"] = new JsonObject { ["type"] = "SignedBadge", ["creator"] = "https://issuer.invalid/key.json" };
        return assertion.ToJsonString();
    }
}
