using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Verifier.Core.Images;
using Verifier.Core.Tests.Baking;

namespace Verifier.Core.Tests.Images;

public sealed class ImageIdentifierTests
{
    [Fact]
    public void Identify_Png_FormatAndSizeFromItsHeader()
    {
        var facts = ImageIdentifier.Identify(TestPng.Plain());

        Assert.Equal(new ImageFacts("PNG", 1, 1), facts);
        Assert.True(facts!.IsPngOrSvg);
    }

    [Fact]
    public void Identify_Svg_IsSvg() =>
        Assert.Equal("SVG", ImageIdentifier.Identify(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\"/>"))?.Format);

    [Theory]
    [InlineData("jpeg")]
    [InlineData("gif")]
    [InlineData("webp")]
    public void Identify_OtherRasterFormat_NamedNotPngOrSvg(string format)
    {
        var facts = ImageIdentifier.Identify(Encode(format, 3, 2));

        Assert.NotNull(facts);
        Assert.False(facts.IsPngOrSvg);
        Assert.Equal((3, 2), (facts.Width, facts.Height));
    }

    [Theory]
    [InlineData("not an image at all")]
    [InlineData("")]
    public void Identify_NotAnImage_Null(string text) => Assert.Null(ImageIdentifier.Identify(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Identify_TruncatedPngHeader_FormatStillToldWithoutThrowing()
    {
        var png = TestPng.Plain();

        var facts = ImageIdentifier.Identify(png.AsSpan(0, 12));

        Assert.Equal("PNG", facts?.Format);
    }

    [Theory]
    [InlineData("data:image/png;base64,")]
    [InlineData("data:;base64,")]
    public void DataUri_Base64_Decoded(string prefix)
    {
        var png = TestPng.Plain();

        Assert.Equal(png, DataUri.Decode(prefix + Convert.ToBase64String(png), 1024));
    }

    [Fact]
    public void DataUri_PercentEncodedSvg_Decoded() =>
        Assert.Equal("<svg/>", Encoding.UTF8.GetString(DataUri.Decode("data:image/svg+xml,%3Csvg%2F%3E", 1024)!));

    [Theory]
    [InlineData("https://example.org/x.png")]
    [InlineData("data:image/png;base64")]
    [InlineData("data:image/png;base64,!!!")]
    public void DataUri_NotOneOrMalformed_Null(string uri) => Assert.Null(DataUri.Decode(uri, 1024));

    [Fact]
    public void DataUri_OverTheCap_Null() => Assert.Null(DataUri.Decode("data:image/png;base64," + new string('A', 4000), 1024));

    private static byte[] Encode(string format, int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        using var stream = new MemoryStream();
        switch (format)
        {
            case "jpeg": image.SaveAsJpeg(stream); break;
            case "gif": image.SaveAsGif(stream); break;
            default: image.SaveAsWebp(stream); break;
        }

        return stream.ToArray();
    }
}
