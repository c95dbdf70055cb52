namespace Verifier.LinkedData.Tests.Rdf;

public sealed class NQuadsParserTests
{
    [Fact]
    public void Parse_AllTermKinds_ReadsQuads()
    {
        var dataset = NQuadsParser.Parse(
            "<urn:s> <urn:p> \"v\"@en-GB <urn:g> .\n" +
            "_:b0 <urn:p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> . # trailing comment\n" +
            "# a comment line\n\n" +
            "_:b0 <urn:p> _:b1.\n");

        Assert.Equal(3, dataset.Quads.Count);
        Assert.Equal(RdfTerm.Literal("v", language: "en-GB"), dataset.Quads[0].Object);
        Assert.Equal(RdfTerm.Iri("urn:g"), dataset.Quads[0].Graph);
        Assert.Equal("http://www.w3.org/2001/XMLSchema#integer", dataset.Quads[1].Object.Datatype);
        Assert.Null(dataset.Quads[1].Graph);
        Assert.Equal(RdfTerm.Blank("b1"), dataset.Quads[2].Object);
    }

    [Fact]
    public void Parse_Escapes_AreDecoded()
    {
        var dataset = NQuadsParser.Parse("<urn:ex:\\u0065x> <urn:p> \"a\\tb\\\"\\\\\\u00e9\\U0001F303\" .");

        Assert.Equal("urn:ex:ex", dataset.Quads[0].Subject.Value);
        Assert.Equal("a\tb\"\\é\U0001F303", dataset.Quads[0].Object.Value);
    }

    [Theory]
    [InlineData("<urn:s> <urn:p> <urn:o>")]
    [InlineData("\"lit\" <urn:p> <urn:o> .")]
    [InlineData("<urn:s> _:p <urn:o> .")]
    [InlineData("<urn:s> <urn:p> \"open .")]
    [InlineData("<urn:s> <urn:p> <relative> .")]
    [InlineData("<urn:s> <urn:p> \"x\\q\" .")]
    [InlineData("<urn:s> <urn:p> <urn:o> . extra")]
    [InlineData("<urn:s has space> <urn:p> <urn:o> .")]
    public void Parse_Malformed_ThrowsFormatExceptionWithLine(string line)
    {
        var e = Assert.Throws<NQuadsFormatException>(() => NQuadsParser.Parse("<urn:a> <urn:b> <urn:c> .\n" + line));

        Assert.Equal(2, e.Line);
    }
}
