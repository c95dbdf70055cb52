using System.Buffers.Binary;
using System.Text;

namespace Verifier.Hosts.Tests.TestSupport;

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
    public static byte[] Png(string? keyword = null, string? text = null)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 1);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 1);
        ihdr[8] = 8; // bit depth; colour type 0 (greyscale), compression, filter, interlace all 0
        Chunk(png, "IHDR", ihdr);
        if (keyword is not null)
        {
            // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, text.
            var data = new List<byte>(Encoding.Latin1.GetBytes(keyword)) { 0, 0, 0, 0, 0 };
            data.AddRange(Encoding.UTF8.GetBytes(text ?? string.Empty));
            Chunk(png, "iTXt", [.. data]);
        }

        // zlib stream holding one stored deflate block with the scanline [filter 0, pixel 0] and its Adler-32.
        Chunk(png, "IDAT", [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static string Svg(string? assertion = null) => assertion is null
        ? """<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>"""
        : $"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" width="1" height="1"><openbadges:assertion verify="{assertion}"/><rect width="1" height="1"/></svg>""";

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

    /// <summary>CRC-32 as PNG §5.5 defines it (ISO 3309 polynomial, reflected).</summary>
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

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
