using System.IO.Compression;
using System.Text;
using Verifier.Core.Baking;

namespace Verifier.Fuzz;

/// <summary>
/// Writes a small seed corpus per target, made here from code: AFL cannot synthesise multi-byte keywords in .NET
/// code, so every structure the readers know (each chunk kind, each SVG form, each JWS shape) starts in a seed.
/// </summary>
internal static class Seeds
{
    private const string Json = """{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1","recipient":{"type":"email","hashed":false,"identity":"a@example.org"},"badge":"https://example.org/b","issuedOn":"2026-01-01T00:00:00Z","verification":{"type":"hosted"}}""";
    private const string Url = "https://example.org/a/1";
    private const string Jws = "eyJhbGciOiJSUzI1NiJ9.eyJAY29udGV4dCI6Imh0dHBzOi8vdzNpZC5vcmcvb3BlbmJhZGdlcy92MiIsImlkIjoidXJuOnV1aWQ6MSJ9.c2lnbmF0dXJl";
    private const string VcJwt = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJ2YyI6eyJAY29udGV4dCI6WyJodHRwczovL3d3dy53My5vcmcvMjAxOC9jcmVkZW50aWFscy92MSJdfX0.c2ln";

    public static void Write(string root)
    {
        var plain = PlainPng();
        Save(root, "png", new()
        {
            ["plain.png"] = plain,
            ["itxt-json.png"] = PngBaker.Bake(plain, Json),
            ["itxt-url.png"] = PngBaker.Bake(plain, Url),
            ["itxt-jws.png"] = PngBaker.Bake(plain, Jws),
            ["itxt-ob3.png"] = PngBaker.Bake(plain, VcJwt, PngBadgeReader.OpenBadgeCredentialKeyword),
            ["itxt-clr.png"] = PngBaker.Bake(plain, VcJwt, PngBadgeReader.ClrCredentialKeyword),
            ["text-url.png"] = Insert(plain, "tEXt", [.. "openbadges"u8, 0, .. "http://a.com/instance"u8]),
            ["text-then-itxt.png"] = Insert(PngBaker.Bake(plain, Json), "tEXt", [.. "openbadges"u8, 0, .. "http://a.com/instance"u8]),
            ["itxt-langtag.png"] = Insert(plain, "iTXt", [.. "openbadges"u8, 0, 0, 0, .. "en"u8, 0, .. "Abzeichen"u8, 0, .. Encoding.UTF8.GetBytes(Json)]),
            ["itxt-compressed.png"] = Insert(plain, "iTXt", [.. "openbadges"u8, 0, 1, 0, 0, 0, .. Zlib(Encoding.UTF8.GetBytes(Json))]),
            ["ztxt.png"] = Insert(plain, "zTXt", [.. "openbadges"u8, 0, 0, .. Zlib(Encoding.UTF8.GetBytes(Url))]),
        });

        const string head = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org" viewBox="0 0 10 10">""";
        const string ob3Head = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">""";
        var svgs = new Dictionary<string, byte[]>
        {
            ["plain.svg"] = Utf8("""<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>"""),
            ["verify.svg"] = Utf8($"""{head}<openbadges:assertion verify="{Url}"/></svg>"""),
            ["cdata.svg"] = Utf8($"""{head}<openbadges:assertion><![CDATA[{Json}]]></openbadges:assertion></svg>"""),
            ["both.svg"] = Utf8($"""{head}<openbadges:assertion verify="{Url}"><![CDATA[{Json}]]></openbadges:assertion><g><rect/></g></svg>"""),
            ["other-prefix.svg"] = Utf8($"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="http://openbadges.org"><ob:assertion verify="{Jws}"/></svg>"""),
            ["ob3-verify.svg"] = Utf8($"""{ob3Head}<openbadges:credential verify="{VcJwt}"></openbadges:credential></svg>"""),
            ["ob3-cdata.svg"] = Utf8(ob3Head + """<openbadges:credential><![CDATA[{"@context":["https://www.w3.org/ns/credentials/v2"]}]]></openbadges:credential></svg>"""),
            ["public-doctype.svg"] = Utf8($"""<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">{head}<openbadges:assertion verify="{Url}"/></svg>"""),
            ["internal-subset.svg"] = Utf8($"""<!DOCTYPE svg [<!ENTITY x "y">]>{head}<openbadges:assertion>&x;</openbadges:assertion></svg>"""),
        };
        Save(root, "svg", svgs);

        var texts = new Dictionary<string, byte[]>
        {
            ["jws.txt"] = Utf8(Jws),
            ["vc-jwt.txt"] = Utf8(VcJwt),
            ["alg-none.txt"] = Utf8("eyJhbGciOiJub25lIn0.eyJpZCI6MX0."),
            ["json.txt"] = Utf8(Json),
            ["url.txt"] = Utf8(Url + "\n"),
        };
        Save(root, "jws", texts);

        var all = new Dictionary<string, byte[]> { ["itxt-json.png"] = PngBaker.Bake(plain, Json), ["text-url.png"] = Insert(plain, "tEXt", [.. "openbadges"u8, 0, .. "http://a.com/instance"u8]) };
        foreach (var (name, bytes) in svgs.Concat(texts))
        {
            all[name] = bytes;
        }

        Save(root, "engine", all);

        Save(root, "jsonld", new()
        {
            ["thing.json"] = WithContext("""{"@context":"CTX","id":"https://fuzz.example/1","type":"Thing","name":"n","data":{"a":[1,2.5,true,null]},"when":"2026-01-01T00:00:00Z"}"""),
            ["containers.json"] = WithContext("""{"@context":"CTX","id":"_:b0","items":[1,"a",{"@value":"x","@language":"en"}],"tags":["t1","t2"],"byLang":{"en":"hi","de":["hallo"]},"byId":{"https://fuzz.example/2":{"ex:p":"v"}}}"""),
            ["scoped.json"] = WithContext("""{"@context":"CTX","child":{"label":"l","other":{"@id":"https://fuzz.example/3"}},"meta":{"ex:nested":"v"}}"""),
            ["graph.json"] = WithContext("""{"@context":["CTX",{"@base":"https://fuzz.example/base/"}],"@id":"rel","graph":{"@id":"inner","ex:q":{"@list":[{"@list":[1]}]}},"@included":[{"@id":"inc","@reverse":{"ex:r":{"@id":"x"}}}]}"""),
            ["inline.json"] = Utf8("""{"@context":{"@vocab":"https://fuzz.example/v#","@direction":"rtl","@language":"ar"},"@type":"T","p":{"@value":"v","@direction":"ltr"},"q":{"@type":"@json","@value":{"z":1,"a":[]}}}"""),
        });

        Save(root, "equivalence", EquivalenceTarget.Seeds());
    }

    /// <summary>A 1x1 greyscale PNG: IHDR, one zlib IDAT, IEND.</summary>
    private static byte[] PlainPng()
    {
        byte[] ihdr = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", Zlib([0, 0])), .. Chunk("IEND", [])];
        return png;
    }

    /// <summary>Inserts a chunk right after IHDR (offset 33), keeping every other byte.</summary>
    private static byte[] Insert(byte[] png, string type, byte[] data) => [.. png.AsSpan(0, 33), .. Chunk(type, data), .. png.AsSpan(33)];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[data.Length + 12];
        PngChunkReader.Write(chunk, Encoding.ASCII.GetBytes(type), data);
        return chunk;
    }

    private static byte[] Zlib(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            z.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] WithContext(string json) => Utf8(json.Replace("CTX", JsonLdTarget.ContextUrl, StringComparison.Ordinal));

    private static void Save(string root, string target, Dictionary<string, byte[]> files)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, target));
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, name), bytes);
        }
    }
}
