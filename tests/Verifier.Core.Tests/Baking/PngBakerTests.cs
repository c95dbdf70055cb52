using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace Verifier.Core.Tests.Baking;

public class PngBakerTests
{
    private const string Json = """{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1","name":"Bäcker ✓"}""";

    [Theory]
    [InlineData(Json)]
    [InlineData("https://example.org/a/1")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl")]
    public void Bake_PlainPng_RoundTripsPayload(string payload)
    {
        var baked = PngBaker.Bake(TestPng.Plain(), payload);

        var result = PngBadgeReader.Read(baked);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(payload, result.Payload);
        Assert.Equal("png:iTXt:openbadges", result.Location);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Bake_PlacesOneUncompressedItxtRightAfterIhdr_AndKeepsEveryOtherByte()
    {
        var original = TestPng.Start().Chunk("tIME", new byte[7]).Text("Comment", "hello").Image().End().ToArray();

        var baked = PngBaker.Bake(original, Json);

        const int afterIhdr = 8 + 12 + 13;
        Assert.Equal(original.AsSpan(0, afterIhdr).ToArray(), baked.AsSpan(0, afterIhdr).ToArray());
        Assert.Equal("iTXt"u8.ToArray(), baked.AsSpan(afterIhdr + 4, 4).ToArray());
        var inserted = 12 + "openbadges".Length + 5 + System.Text.Encoding.UTF8.GetByteCount(Json);
        Assert.Equal(original.Length + inserted, baked.Length);
        Assert.Equal(original.AsSpan(afterIhdr).ToArray(), baked.AsSpan(afterIhdr + inserted).ToArray());
        // compression flag, method, empty language tag, empty translated keyword
        Assert.Equal(new byte[] { 0, 0, 0, 0, 0 }, baked.AsSpan(afterIhdr + 8 + "openbadges".Length, 5).ToArray());
    }

    [Fact]
    public void Bake_ReplacesEveryExistingBadgeChunk_InAnyTextChunkTypeAndBadgeKeyword()
    {
        var original = TestPng.Start()
            .Text("openbadges", "http://a.com/old")
            .Itxt("openbadges", "https://example.org/older")
            .Text("Comment", "kept")
            .Image()
            .Ztxt("openbadges", "http://a.com/oldest")
            .Itxt("openbadgecredential", "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln")
            .End()
            .ToArray();

        var baked = PngBaker.Bake(original, Json);
        var result = PngBadgeReader.Read(baked);

        Assert.Equal(Json, result.Payload);
        // The OB 3.0 keyword's chunk goes too: left in place it would be a second, different badge (refused on reading).
        Assert.Empty(result.Warnings);
        Assert.Equal(0, Count(baked, "openbadgecredential"u8));
        Assert.Equal(1, Count(baked, "Comment"u8));
        Assert.Equal(0, Count(baked, "http://a.com/old"u8));
        Assert.Equal(0, Count(baked, "older"u8));
    }

    [Fact]
    public void Bake_OpenBadges3Keyword_ReadsAsOpenBadges3()
    {
        var baked = PngBaker.Bake(TestPng.Plain(), "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln", PngBadgeReader.OpenBadgeCredentialKeyword);

        var result = PngBadgeReader.Read(baked);

        Assert.Equal(BadgeFamily.OpenBadges3, result.Family);
        Assert.Equal("png:iTXt:openbadgecredential", result.Location);
    }

    [Fact]
    public void Bake_BakedImage_IsStillAValidPngToAnImageLibrary()
    {
        var baked = PngBaker.Bake(TestPng.Plain(), Json);

        // Identify reads headers and metadata only; it never decodes pixels.
        var info = Image.Identify(baked, out var format);

        Assert.NotNull(info);
        Assert.Equal(PngFormat.Instance, format);
        Assert.Equal(1, info.Width);
        Assert.Equal(1, info.Height);
    }

    [Fact]
    public void TryBake_TruncatedPng_FailsWithReason()
    {
        var png = TestPng.Plain();

        var ok = PngBaker.TryBake(png.AsSpan(0, png.Length - 5), Json, PngBadgeReader.OpenBadgesKeyword, out var baked, out var error);

        Assert.False(ok);
        Assert.Empty(baked);
        Assert.Contains("truncated", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" openbadges")]
    [InlineData("open  badges")]
    [InlineData("keyword-that-is-far-too-long-for-png-which-allows-only-seventy-nine-bytes-in-all")]
    public void TryBake_InvalidKeyword_Fails(string keyword)
    {
        Assert.False(PngBaker.TryBake(TestPng.Plain(), Json, keyword, out _, out var error));
        Assert.Contains("keyword", error);
    }

    [Fact]
    public void TryBake_BadgeKeywordAfterIend_Fails()
    {
        byte[] original = [.. TestPng.Plain(), .. TestPng.Start().Itxt("openbadges", "https://evil.example/2").Image().End().ToArray()];

        Assert.False(PngBaker.TryBake(original, Json, PngBadgeReader.OpenBadgesKeyword, out _, out var error));
        Assert.Contains("after IEND", error);
    }

    [Fact]
    public void Bake_OtherBytesAfterIend_AreKept()
    {
        byte[] original = [.. TestPng.Plain(), .. "editor metadata"u8];

        var baked = PngBaker.Bake(original, Json);

        Assert.Equal("editor metadata"u8.ToArray(), baked.AsSpan(baked.Length - 15).ToArray());
    }

    [Fact]
    public void Bake_NotAPng_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngBaker.Bake("<svg/>"u8, Json));
    }

    private static int Count(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var count = 0;
        var span = haystack.AsSpan();
        int i;
        while ((i = span.IndexOf(needle)) >= 0)
        {
            count++;
            span = span[(i + needle.Length)..];
        }

        return count;
    }
}
