using Verifier.LinkedData.Jcs;

namespace Verifier.LinkedData.Tests.Jcs;

public class JsonCanonicalizerTests
{
    private static string Canon(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonCanonicalizer.Canonicalize(doc.RootElement);
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData("[ 1 , true , null ]", "[1,true,null]")]
    [InlineData("{\"\\u20ac\":1,\"\\r\":2,\"\\ud83d\\ude02\":3,\"\\u00f6\":4}", "{\"\\r\":2,\"ö\":4,\"€\":1,\"😂\":3}")]
    [InlineData("\"\\u000f\\u0008/\\u007f\"", "\"\\u000f\\b/\u007f\"")]
    public void Canonicalize_Structures_SortsByUtf16AndEscapesMinimally(string input, string expected) =>
        Assert.Equal(expected, Canon(input));

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("56.0", "56")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("1E30", "1e+30")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("0.0000001", "1e-7")]
    [InlineData("9.999999999999997e-7", "9.999999999999997e-7")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("9007199254740994", "9007199254740994")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    [InlineData("123456789012345680000", "123456789012345680000")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    public void Canonicalize_Numbers_UseEcmaScriptForm(string input, string expected) =>
        Assert.Equal(expected, Canon(input));

    [Fact]
    public void CanonicalizeToUtf8_DeepNesting_Throws()
    {
        var json = new string('[', 300) + new string(']', 300);
        Assert.ThrowsAny<Exception>(() => JsonCanonicalizer.CanonicalizeToUtf8(Encoding.UTF8.GetBytes(json)));
    }

    [Trait("Category", "Conformance")]
    [SkippableTheory]
    [InlineData("arrays")]
    [InlineData("french")]
    [InlineData("structures")]
    [InlineData("unicode")]
    [InlineData("values")]
    [InlineData("weird")]
    public void CanonicalizeToUtf8_Rfc8785Vectors_MatchExpectedBytes(string name)
    {
        var dir = SharedFolder.Require("vectors/jcs/testdata");
        var input = File.ReadAllBytes(Path.Combine(dir, "input", name + ".json"));
        var expected = File.ReadAllBytes(Path.Combine(dir, "output", name + ".json"));
        var actual = JsonCanonicalizer.CanonicalizeToUtf8(input);
        Assert.Equal(Encoding.UTF8.GetString(expected).TrimEnd('\n'), Encoding.UTF8.GetString(actual));
    }
}
