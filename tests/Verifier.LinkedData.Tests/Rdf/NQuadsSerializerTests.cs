namespace Verifier.LinkedData.Tests.Rdf;

public sealed class NQuadsSerializerTests
{
    [Fact]
    public void SerializeQuad_ControlCharacters_UseCanonicalEscapes()
    {
        var quad = new RdfQuad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("\"\\\n\r\t\b\f\u0001\u007F\u00e9'"));

        Assert.Equal("<urn:s> <urn:p> \"\\\"\\\\\\n\\r\\t\\b\\f\\u0001\\u007F\u00e9'\" .\n", NQuadsSerializer.SerializeQuad(quad));
    }

    [Fact]
    public void SerializeQuad_XsdString_IsImplicit()
    {
        var quad = new RdfQuad(RdfTerm.Blank("b0"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("x", RdfTerm.XsdString), RdfTerm.Blank("g"));

        Assert.Equal("_:b0 <urn:p> \"x\" _:g .\n", NQuadsSerializer.SerializeQuad(quad));
    }

    [Fact]
    public void SerializeQuad_TypedAndLanguageLiterals_WriteSuffix()
    {
        var typed = new RdfQuad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("1", "urn:int"));
        var tagged = new RdfQuad(RdfTerm.Iri("urn:s"), RdfTerm.Iri("urn:p"), RdfTerm.Literal("hi", language: "en"));

        Assert.Equal("<urn:s> <urn:p> \"1\"^^<urn:int> .\n", NQuadsSerializer.SerializeQuad(typed));
        Assert.Equal("<urn:s> <urn:p> \"hi\"@en .\n", NQuadsSerializer.SerializeQuad(tagged));
    }

    [Fact]
    public void Serialize_RoundTripsThroughParser()
    {
        const string text = "<urn:s> <urn:p> \"a\\u0000b\\\"\"@en <urn:g> .\n_:x <urn:p> \"\U0001F303\"^^<urn:dt> .\n";

        Assert.Equal(text, NQuadsSerializer.Serialize(NQuadsParser.Parse(text)));
    }

    [Fact]
    public void Serialize_DuplicateQuads_WrittenOnce()
    {
        var dataset = NQuadsParser.Parse("<urn:s> <urn:p> <urn:o> .\n<urn:s> <urn:p> <urn:o> .\n");

        Assert.Equal("<urn:s> <urn:p> <urn:o> .\n", NQuadsSerializer.Serialize(dataset));
    }
}
