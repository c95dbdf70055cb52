using System.Text;
using System.Text.Json.Nodes;
using Verifier.SampleMaker;

namespace Verifier.Ui.Tests.TestSupport;

/// <summary>The project's samples (samples/) and a few badges made the same way for headlines the samples do not show.</summary>
public static class TestBadges
{
    public const string Email = Credentials.Email;

    public static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return Path.Combine(dir.FullName, "samples", name);
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Signed by a did:key but naming a web issuer: nothing ties that key to https://issuer.example/issuer (rule 3), so the
    /// default policy refuses it and the lenient one accepts it with the issuer unproven.
    /// </summary>
    public static string UnboundIssuerJson()
    {
        using var key = new SampleKey("ui-tests/unbound");
        var achievement = Credentials.Achievement("urn:uuid:00000000-0000-4000-8000-00000000a001", "Unproven Origins", "A badge whose issuer nothing proves.", "None.");
        var credential = Credentials.Credential("urn:uuid:00000000-0000-4000-8000-00000000a002", "OpenBadgeCredential",
            Credentials.Issuer(BadgeSite.Origin + "/issuer.json", BadgeSite.IssuerName), achievement, "2026-01-01T00:00:00Z");
        return Signing.DataIntegrity(credential, key, "2026-01-01T00:00:00Z").ToJsonString();
    }

    /// <summary>A valid credential carrying an endorsement whose own proof is broken (changed after the endorser signed).</summary>
    public static string BrokenEndorsementJson()
    {
        using var issuer = new SampleKey("academy");
        using var endorser = new SampleKey("guild");
        var achievement = Credentials.Achievement("urn:uuid:00000000-0000-4000-8000-00000000b001", "Endorsed Badly", "An achievement with a forged endorsement.", "None.");
        var endorsement = Signing.DataIntegrity(Credentials.Endorsement("urn:uuid:00000000-0000-4000-8000-00000000b002",
            Credentials.Issuer(endorser.DidKey, "Verifier Sample Guild"), "urn:uuid:00000000-0000-4000-8000-00000000b001", "Fine work.", "2026-01-01T00:00:00Z"),
            endorser, "2026-01-01T00:00:00Z");
        endorsement["credentialSubject"]!["endorsementComment"] = "Outstanding work, hire at once.";
        achievement["endorsement"] = new JsonArray(endorsement);
        var credential = Credentials.Credential("urn:uuid:00000000-0000-4000-8000-00000000b003", "OpenBadgeCredential",
            Credentials.Issuer(issuer.DidKey, "Verifier Sample Academy"), achievement, "2026-01-01T00:00:00Z");
        return Signing.DataIntegrity(credential, issuer, "2026-01-01T00:00:00Z").ToJsonString();
    }

    /// <summary>The academy's own status list credential (131,072 entries, none set): what its badges' status points to.</summary>
    public static string StatusListJson()
    {
        using var issuer = new SampleKey("academy");
        using var bits = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(bits, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(new byte[16 * 1024]);
        }

        var list = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "https://academy.example/status/1",
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = issuer.DidKey,
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = "https://academy.example/status/1#list",
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = "u" + System.Buffers.Text.Base64Url.EncodeToString(bits.ToArray()),
            },
        };
        return Signing.DataIntegrity(list, issuer, "2026-01-01T00:00:00Z").ToJsonString();
    }

    /// <summary>A JPEG's first bytes: the picture of a badge, not a badge.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
}
