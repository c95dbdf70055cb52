using System.Buffers.Binary;
using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Verifier.Core.Baking;

namespace LoadKit;

/// <summary>
/// Writes the load fixtures: an OB 2.0 issuer at https://issuer.example with its own RSA key (site/*.json), a
/// signed assertion (badge.jws), a tampered copy, and the assertion baked into a ~30 KB PNG (baked.png) and a
/// ~1.6 KB one (small.png).
/// </summary>
internal static class FixtureWriter
{
    public const string Origin = "https://issuer.example";

    /// <summary>Items in batch.json.</summary>
    public const int BatchItems = 50;

    public static int Write(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "site"));
        using var key = RSA.Create(2048);
        const string issuerId = Origin + "/issuer.json", badgeId = Origin + "/badge.json", keyId = Origin + "/key.json";
        Save(dir, "site/issuer.json", new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "Issuer", ["id"] = issuerId, ["name"] = "Load Issuer",
            ["url"] = Origin, ["email"] = "badges@issuer.example", ["publicKey"] = keyId,
        });
        Save(dir, "site/badge.json", new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "BadgeClass", ["id"] = badgeId, ["name"] = "Load Badge",
            ["description"] = "A badge for load tests.", ["image"] = Origin + "/badge.png",
            ["criteria"] = new JsonObject { ["narrative"] = "Take part." }, ["issuer"] = issuerId,
        });
        Save(dir, "site/key.json", new JsonObject
        {
            ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "CryptographicKey", ["id"] = keyId, ["owner"] = issuerId,
            ["publicKeyPem"] = key.ExportSubjectPublicKeyInfoPem(),
        });
        var hosted = Assertion(Origin + "/assertions/1.json", new JsonObject { ["type"] = "HostedBadge" });
        Save(dir, "site/assertions/1.json", hosted);

        var signed = Assertion("urn:uuid:5b1f0f0e-2f6c-4f59-9a43-000000000001", new JsonObject { ["type"] = "SignedBadge", ["creator"] = keyId });
        var jws = Sign(signed, key);
        File.WriteAllText(Path.Combine(dir, "badge.jws"), jws);
        signed["issuedOn"] = "2020-01-01T00:00:00Z";
        var parts = jws.Split('.');
        File.WriteAllText(Path.Combine(dir, "tampered.jws"), $"{parts[0]}.{B64(Encoding.UTF8.GetBytes(signed.ToJsonString()))}.{parts[2]}");

        var baked = PngBaker.Bake(NoisePng(96, 96), jws);
        File.WriteAllBytes(Path.Combine(dir, "baked.png"), baked);
        // The small-body case (issue 13): the same assertion in a ~1.6 KB PNG, where per-request work dominates.
        var small = PngBaker.Bake(NoisePng(14, 14), jws);
        File.WriteAllBytes(Path.Combine(dir, "small.png"), small);
        // POST /api/verify/batch: the small PNG 50 times, base64, named (bench-http.sh compares items/s with single requests).
        var items = new JsonArray([.. Enumerable.Range(0, BatchItems).Select(i => (JsonNode)new JsonObject { ["name"] = $"small-{i}.png", ["image"] = Convert.ToBase64String(small) })]);
        File.WriteAllText(Path.Combine(dir, "batch.json"), items.ToJsonString());
        File.WriteAllText(Path.Combine(dir, "hosted.json"), hosted.ToJsonString());
        Console.WriteLine($"fixtures in {dir}: baked.png {baked.Length} bytes, small.png {small.Length} bytes");
        return 0;
    }

    private static JsonObject Assertion(string id, JsonObject verification) => new()
    {
        ["@context"] = "https://w3id.org/openbadges/v2", ["type"] = "Assertion", ["id"] = id,
        ["recipient"] = new JsonObject { ["type"] = "email", ["hashed"] = false, ["identity"] = "ada@example.org" },
        ["badge"] = Origin + "/badge.json", ["issuedOn"] = "2024-01-15T10:00:00Z", ["verification"] = verification,
    };

    private static void Save(string dir, string path, JsonObject doc)
    {
        var full = Path.Combine(dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, doc.ToJsonString());
    }

    private static string Sign(JsonObject payload, RSA key)
    {
        var header = B64("""{"alg":"RS256","typ":"JWT"}"""u8);
        var body = B64(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{B64(signature)}";
    }

    private static string B64(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>An RGB PNG of random pixels: noise does not compress, so the file is about width × height × 3 bytes.</summary>
    private static byte[] NoisePng(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        new Random(42).NextBytes(raw);
        for (var y = 0; y < height; y++)
        {
            raw[y * (1 + width * 3)] = 0; // filter type None
        }

        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 2; // truecolour
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typed));
        png.Write(word);
    }

    /// <summary>CRC-32 as PNG §5.5 defines it.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
