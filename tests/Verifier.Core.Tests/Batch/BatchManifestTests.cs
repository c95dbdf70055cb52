using Verifier.Core.Batch;

namespace Verifier.Core.Tests.Batch;

/// <summary>Manifests: arrays and NDJSON, the count checked first, one bad entry costing only itself.</summary>
public sealed class BatchManifestTests
{
    private static BatchManifest Parse(string text, int maxItems = 100) => BatchManifest.Parse(Encoding.UTF8.GetBytes(text), maxItems, 1024);

    [Fact]
    public void Parse_ArrayOfEveryKind_ReadsEachAsItsInput()
    {
        var manifest = Parse("""
            [ {"name":"u","url":"https://issuer.example/a/1"}, {"json":{"type":"Assertion"}}, {"json":"{\"type\":\"Assertion\"}"},
              {"jws":"a.b.c","recipient":"ada@example.org"}, {"image":"iVBORw0KGgo="}, {"input":"https://issuer.example/a/2"} ]
            """);

        Assert.Null(manifest.Problem);
        Assert.Equal([InputKind.Url, InputKind.Text, InputKind.Text, InputKind.Text, InputKind.Bytes, InputKind.Text], manifest.Items.Select(i => i.Input!.Kind));
        Assert.Equal([0, 1, 2, 3, 4, 5], manifest.Items.Select(i => i.Index));
        Assert.Equal("u", manifest.Items[0].Name);
        Assert.Equal("ada@example.org", manifest.Items[3].Recipient);
    }

    [Theory]
    [InlineData("""{"name":"none"}""", "none of url")]
    [InlineData("""{"url":"https://a.example/1","jws":"a.b.c"}""", "url and jws")]
    [InlineData("""{"url":"file:///etc/passwd"}""", "http(s)")]
    [InlineData("""{"image":"not base64!"}""", "base64")]
    [InlineData("""{"jws":""}""", "non-empty")]
    [InlineData("1", "JSON object")]
    public void Parse_ItemWithNothingVerifiable_IsAnErrorItemAndTheNextStillReads(string item, string reason)
    {
        var manifest = Parse(item + "\n{\"url\":\"https://issuer.example/a/1\"}\n");

        Assert.Null(manifest.Problem);
        Assert.Null(manifest.Items[0].Input);
        Assert.Contains(reason, manifest.Items[0].Error!.Detail, StringComparison.Ordinal);
        Assert.NotNull(manifest.Items[1].Input);
    }

    [Fact]
    public void Parse_NdjsonWithABrokenLineAndBlankLines_BrokenLineIsItsOwnError()
    {
        var manifest = Parse("{\"url\":\"https://issuer.example/a/1\"}\r\n\n{oops\n   \n{\"jws\":\"a.b.c\"}");

        Assert.Equal(3, manifest.Items.Count);
        Assert.Equal("bad-item", manifest.Items[1].Error!.Code);
        Assert.Equal(2, manifest.Items[2].Index);
    }

    [Fact]
    public void Parse_DeclaredNdjsonWhoseFirstLineIsAnArray_ReadsLines()
    {
        var manifest = BatchManifest.Parse(Encoding.UTF8.GetBytes("[1]\n{\"jws\":\"a.b.c\"}"), 10, 1024, ndjson: true);

        Assert.Equal(2, manifest.Items.Count);
        Assert.Equal("bad-item", manifest.Items[0].Error!.Code);
        Assert.NotNull(manifest.Items[1].Input);
    }

    [Fact]
    public void Parse_OverTheCount_IsRefusedAsTooManyBeforeItemsAreRead()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 5).Select(_ => "{oops"));

        var manifest = Parse(lines, maxItems: 4);

        Assert.True(manifest.TooMany);
        Assert.Equal("batch-too-large", manifest.Problem!.Code);
        Assert.Empty(manifest.Items);
    }

    [Theory]
    [InlineData("", "empty-batch")]
    [InlineData("  \n ", "empty-batch")]
    [InlineData("[]", "empty-batch")]
    [InlineData("[{\"url\":", "bad-batch")]
    public void Parse_NothingOrMalformedArray_RefusesTheManifest(string text, string code) =>
        Assert.Equal(code, Parse(text).Problem!.Code);

    [Fact]
    public void Parse_ImageOverTheItemCap_IsAnErrorItem()
    {
        var manifest = Parse($"[{{\"image\":\"{Convert.ToBase64String(new byte[2048])}\"}}]");

        Assert.Contains("larger than 1024 bytes", manifest.Items[0].Error!.Detail, StringComparison.Ordinal);
    }
}
