namespace Verifier.Core.Tests.Input;

public sealed class TextFormsTests
{
    private const string Jws = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTppc3N1ZXIifQ.c2lnbmF0dXJl";

    [Fact]
    public void JsonSyntaxError_MissingComma_NamesLineAndByte()
    {
        var error = TextForms.JsonSyntaxError("{\n  \"name\": \"Basic Issuer\",\n  \"url\": \"x\"\n  \"EXTRA\"\n}");

        Assert.NotNull(error);
        Assert.Contains("(line 4, byte 3)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": 1}")]
    [InlineData("\uFEFF{\"a\": [1, 2]}")]
    public void JsonSyntaxError_ValidJson_IsNull(string json) => Assert.Null(TextForms.JsonSyntaxError(json));

    [Fact]
    public void JsonSyntaxError_TrailingText_IsAnError() => Assert.NotNull(TextForms.JsonSyntaxError("{\"a\": 1} and more"));

    [Theory]
    [InlineData(Jws + "~WyJzYWx0IiwibmFtZSIsIkFkYSJd~")]
    [InlineData(Jws + "~WyJzYWx0IiwibmFtZSIsIkFkYSJd")]
    [InlineData(Jws + "~")]
    [InlineData(Jws + "~WyJzYWx0IiwibmFtZSIsIkFkYSJd~" + Jws)]
    public void IsSdJwt_IssuerJwtThenDisclosures_True(string text) => Assert.True(TextForms.IsSdJwt(text));

    [Theory]
    [InlineData(Jws)]
    [InlineData("hello~world")]
    [InlineData(Jws + "~not base64url!")]
    public void IsSdJwt_Other_False(string text) => Assert.False(TextForms.IsSdJwt(text));

    [Fact]
    public void UnwrapBase64_StandardBase64OfJws_ReturnsJws()
    {
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(Jws));

        Assert.Equal(Jws, TextForms.UnwrapBase64(wrapped));
    }

    [Fact]
    public void UnwrapBase64_Base64UrlOfJsonWithLineBreaks_ReturnsJson()
    {
        var json = "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"], \"name\": \"ü?>\"}";
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

        Assert.Equal(json, TextForms.UnwrapBase64(wrapped[..20] + "\r\n" + wrapped[20..]));
    }

    [Theory]
    [InlineData("aGVsbG8gd29ybGQ=")] // "hello world": decodes, but to neither JSON nor a JWS
    [InlineData("not base64 at all!")]
    [InlineData("abc")]
    public void UnwrapBase64_Other_IsNull(string text) => Assert.Null(TextForms.UnwrapBase64(text));

    [Theory]
    [InlineData("<!DOCTYPE html><html><head></head></html>", true)]
    [InlineData("\uFEFF  <html lang=\"en\">", true)]
    [InlineData("<!-- a page --><html>", true)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", false)]
    [InlineData("{\"html\": \"<html>\"}", false)]
    public void LooksLikeHtml_Recognises(string text, bool expected) => Assert.Equal(expected, TextForms.LooksLikeHtml(Encoding.UTF8.GetBytes(text)));
}
