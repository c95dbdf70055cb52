using Verifier.Core.Images;
using SampleImages = Verifier.SampleMaker.Images;

namespace Verifier.Core.Tests.Images;

/// <summary>
/// image=true: the image a report carries is a data: URI, fetched through the guarded fetcher and identified from its
/// own header, so a page that shows it never contacts the badge's hosts and never shows bytes it did not identify.
/// </summary>
public sealed class BadgeImageEmbedderTests : IAsyncLifetime
{
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>""";
    private LoopbackServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync();
        _services = EngineFactory.Build(_server, ["images.example"]);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private BadgeImageEmbedder Embedder => _services.GetRequiredService<BadgeImageEmbedder>();

    [Fact]
    public async Task EmbedAsync_DataUri_IsReturnedAsGivenWithoutAFetch()
    {
        const string image = "data:image/svg+xml;base64,PHN2Zy8+";

        Assert.Equal(image, await Embedder.EmbedAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task EmbedAsync_RemotePng_IsFetchedAndReturnedAsAPngDataUri()
    {
        var png = SampleImages.Png();
        _server.MapBytes("/badge.png", png, "image/png");

        var data = await Embedder.EmbedAsync("https://images.example/badge.png", CancellationToken.None);

        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(png), data);
        Assert.Equal(1, _server.Hits("/badge.png"));
    }

    [Fact]
    public async Task EmbedAsync_RemoteSvgServedAsOctetStream_IsIdentifiedFromItsContent()
    {
        _server.MapBytes("/badge", Encoding.UTF8.GetBytes(Svg), "application/octet-stream");

        var data = await Embedder.EmbedAsync("https://images.example/badge", CancellationToken.None);

        Assert.Equal("data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg)), data);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("html")]
    [InlineData("png-signature-only")]
    public async Task EmbedAsync_RemoteBytesThatAreNotPngOrSvg_AreNotEmbedded(string kind)
    {
        byte[] body = kind switch
        {
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0],
            "html" => Encoding.UTF8.GetBytes("<!doctype html><title>badge</title>"),
            _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'],
        };
        _server.MapBytes("/image", body, "image/png");

        Assert.Null(await Embedder.EmbedAsync("https://images.example/image", CancellationToken.None));
        Assert.Equal(1, _server.Hits("/image"));
    }

    [Fact]
    public async Task EmbedAsync_ImageOverTheEmbeddingCap_IsNotEmbedded()
    {
        var png = SampleImages.Png();
        var padded = new byte[BadgeImageEmbedder.MaxEmbeddedBytes + 1];
        png.CopyTo(padded, 0);
        _server.MapBytes("/huge.png", padded, "image/png");

        Assert.Null(await Embedder.EmbedAsync("https://images.example/huge.png", CancellationToken.None));
    }

    [Theory]
    [InlineData("https://images.example/missing.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://images.example/badge.png")]
    [InlineData("/relative.png")]
    public async Task EmbedAsync_MissingOrNonHttpImage_IsNull(string image)
    {
        _server.MapStatus("/missing.png", 404);

        Assert.Null(await Embedder.EmbedAsync(image, CancellationToken.None));
    }

    [Fact]
    public async Task EmbedAsync_LoopbackImageWithoutTheTestSetting_IsRefusedNotFetched()
    {
        _server.MapBytes("/badge.png", SampleImages.Png(), "image/png");
        await using var closed = EngineFactory.Build();

        var data = await closed.GetRequiredService<BadgeImageEmbedder>().EmbedAsync(_server.Url("/badge.png").AbsoluteUri, CancellationToken.None);

        Assert.Null(data);
        Assert.Equal(0, _server.Hits("/badge.png"));
    }
}
