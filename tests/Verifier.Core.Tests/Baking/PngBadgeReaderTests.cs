namespace Verifier.Core.Tests.Baking;

public class PngBadgeReaderTests
{
    private const string Json = """{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1"}""";

    [Fact]
    public void Read_PlainPng_ReportsNoBadge()
    {
        var result = PngBadgeReader.Read(TestPng.Plain());

        Assert.Equal(UnbakeStatus.NoBadge, result.Status);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Read_NotAPng_IsMalformed()
    {
        var result = PngBadgeReader.Read("GIF89a not a png at all"u8);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("signature", result.Error);
    }

    [Fact]
    public void Read_ItxtJson_FindsPayloadAtItxtLocation()
    {
        var png = TestPng.Start().Itxt("openbadges", Json).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(Json, result.Payload);
        Assert.Equal("png:iTXt:openbadges", result.Location);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Read_ItxtBeforeIend_FindsPayload()
    {
        var png = TestPng.Start().Image().Itxt("openbadges", "https://example.org/a/1").End().ToArray();

        Assert.Equal("https://example.org/a/1", PngBadgeReader.Read(png).Payload);
    }

    [Fact]
    public void Read_ItxtNonAsciiText_DecodesUtf8()
    {
        const string text = """{"name":"Über-Abzeichen ✓ 徽章"}""";
        var png = TestPng.Start().Itxt("openbadges", text).Image().End().ToArray();

        Assert.Equal(text, PngBadgeReader.Read(png).Payload);
    }

    [Fact]
    public void Read_ItxtInvalidUtf8_IsMalformed()
    {
        var png = TestPng.Start().ItxtRaw("openbadges", [0x7B, 0xC3, 0x28, 0x7D]).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("UTF-8", result.Error);
    }

    [Fact]
    public void Read_ItxtWithLanguageTagAndTranslatedKeyword_ReturnsTextOnly()
    {
        var png = TestPng.Start().Itxt("openbadges", Json, "en-GB", "Offene Abzeichen ✓").Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(Json, result.Payload);
    }

    [Fact]
    public void Read_LegacyTextUrl_FindsUrlAtTextLocation()
    {
        var png = TestPng.Start().Text("openbadges", "http://a.com/instance").Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal("http://a.com/instance", result.Payload);
        Assert.Equal("png:tEXt:openbadges", result.Location);
    }

    [Fact]
    public void Read_TextLatin1_DecodesLatin1()
    {
        var png = TestPng.Start().Text("openbadges", "http://a.com/caf\u00e9").Image().End().ToArray();

        Assert.Equal("http://a.com/caf\u00e9", PngBadgeReader.Read(png).Payload);
    }

    [Fact]
    public void Read_TextThenItxtWithDifferentPayloads_IsMalformed()
    {
        var png = TestPng.Start().Text("openbadges", "http://a.com/instance").Itxt("openbadges", Json).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Null(result.Payload);
        Assert.Contains("two different badges", result.Error);
        Assert.Contains("png:iTXt:openbadges", result.Error);
    }

    [Fact]
    public void Read_TextThenItxtWithTheSamePayload_FirstWinsWithWarning()
    {
        var png = TestPng.Start().Text("openbadges", "http://a.com/instance").Itxt("openbadges", "http://a.com/instance").Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal("http://a.com/instance", result.Payload);
        Assert.Equal("png:tEXt:openbadges", result.Location);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("png:iTXt:openbadges", warning);
    }

    [Fact]
    public void Read_TwoItxtChunksWithDifferentPayloads_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", "https://example.org/first").Image().Itxt("openbadges", "https://example.org/second").End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("two different badges", result.Error);
    }

    [Fact]
    public void Read_TwoItxtChunksWithTheSamePayload_FirstWinsWithWarning()
    {
        var png = TestPng.Start().Itxt("openbadges", "https://example.org/first").Image().Itxt("openbadges", "https://example.org/first").End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal("https://example.org/first", result.Payload);
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Read_Ob2AndOb3KeywordsWithDifferentPayloads_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", "https://example.org/ob2").Itxt("openbadgecredential", Json).Image().End().ToArray();

        Assert.Equal(UnbakeStatus.Malformed, PngBadgeReader.Read(png).Status);
    }

    [Fact]
    public void Read_SecondBadgeChunkCompressed_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", Json).Image().Ztxt("openbadges", Json).End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("second badge chunk", result.Error);
    }

    [Theory]
    [InlineData("openbadgecredential")]
    [InlineData("clrcredential")]
    public void Read_OpenBadges3Keyword_IsOpenBadges3Family(string keyword)
    {
        var png = TestPng.Start().Itxt(keyword, "eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2ln").Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Equal(BadgeFamily.OpenBadges3, result.Family);
        Assert.Equal($"png:iTXt:{keyword}", result.Location);
    }

    [Theory]
    [InlineData("OpenBadges")]
    [InlineData("Comment")]
    [InlineData("openbadges ")]
    public void Read_OtherKeywordOnly_ReportsNoBadge(string keyword)
    {
        var png = TestPng.Start().Itxt(keyword, Json).Image().End().ToArray();

        Assert.Equal(UnbakeStatus.NoBadge, PngBadgeReader.Read(png).Status);
    }

    [Fact]
    public void Read_CompressedItxt_IsMalformedAndQuotesInflatedText()
    {
        var png = TestPng.Start().CompressedItxt("openbadges", Encoding.UTF8.GetBytes(Json)).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Null(result.Payload);
        Assert.Contains("forbids compression", result.Error);
        Assert.Contains("\"@context\"", result.Error);
    }

    [Fact]
    public void Read_CompressedItxtZlibBomb_StopsInflatingAtCap()
    {
        var bomb = new byte[50 * 1024 * 1024]; // 50 MiB of zeros deflates to ~50 KB
        var png = TestPng.Start().CompressedItxt("openbadges", bomb).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("inflating stopped", result.Error);
    }

    [Fact]
    public void Read_ZtxtOpenbadges_IsMalformedAsCompressed()
    {
        var png = TestPng.Start().Ztxt("openbadges", "http://a.com/instance").Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("compress", result.Error);
    }

    [Fact]
    public void Read_BadCrcOnBadgeChunk_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", Json, badCrc: true).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("CRC", result.Error);
        Assert.Null(result.Payload);
    }

    [Fact]
    public void Read_BadCrcOnOtherChunkAfterBadge_IsMalformed()
    {
        var png = TestPng.Start().Itxt("openbadges", Json).Chunk("tIME", new byte[7], badCrc: true).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("tIME", result.Error);
    }

    [Theory]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x80000000u)]
    public void Read_LengthAbove2To31_IsMalformedWithoutOverflow(uint declared)
    {
        var png = TestPng.Start().Chunk("iTXt", Encoding.ASCII.GetBytes("openbadges\0\0\0\0\0x"), declaredLength: declared).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("2^31-1", result.Error);
    }

    [Fact]
    public void Read_LengthBeyondEndOfFile_IsTruncated()
    {
        var png = TestPng.Start().Chunk("iTXt", Encoding.ASCII.GetBytes("openbadges\0\0\0\0\0x"), declaredLength: 0x7FFFFFF5).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("truncated", result.Error);
    }

    [Fact]
    public void Read_EveryTruncation_IsMalformedAndNeverThrows()
    {
        var png = TestPng.Start().Itxt("openbadges", Json).Image().End().ToArray();

        for (var length = 0; length < png.Length; length++)
        {
            var result = PngBadgeReader.Read(png.AsSpan(0, length));
            Assert.True(result.Status == UnbakeStatus.Malformed, $"prefix of {length} bytes gave {result.Status}");
        }
    }

    [Fact]
    public void Read_FirstChunkNotIhdr_IsMalformed()
    {
        var plain = TestPng.Plain();
        byte[] png = [.. plain.AsSpan(0, 8), .. plain.AsSpan(8 + 12 + 13)]; // signature, then IDAT: IHDR dropped

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("IHDR", result.Error);
    }

    [Fact]
    public void Read_TextLongerThanLimit_IsMalformed()
    {
        var huge = new string('a', BakingLimits.MaxPayloadBytes + 1);
        var png = TestPng.Start().Itxt("openbadges", huge).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("MiB", result.Error);
    }

    [Fact]
    public void Read_TextAtLimit_IsFound()
    {
        var atLimit = new string('a', BakingLimits.MaxPayloadBytes);
        var png = TestPng.Start().Itxt("openbadges", atLimit).Image().End().ToArray();

        Assert.Equal(UnbakeStatus.Found, PngBadgeReader.Read(png).Status);
    }

    [Fact]
    public void Read_BytesAfterIend_AreIgnoredWithWarningNamingTheCount()
    {
        byte[] png = [.. TestPng.Start().Itxt("openbadges", Json).Image().End().ToArray(), .. "trailing junk"u8];

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Found, result.Status);
        Assert.Contains("13 byte(s) after the IEND chunk", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Read_BadgeKeywordWithoutSeparators_IsMalformed()
    {
        var png = TestPng.Start().Chunk("iTXt", Encoding.ASCII.GetBytes("openbadges\0\0\0en")).Image().End().ToArray();

        var result = PngBadgeReader.Read(png);

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
        Assert.Contains("language tag", result.Error);
    }
}
