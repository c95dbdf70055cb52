using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.LinkedData.Tests.Canonicalization;

public sealed class Rdfc10Tests
{
    private const string Chain = "_:x <urn:p> _:y .\n_:y <urn:p> _:z .\n_:z <urn:name> \"end\" .\n";

    [Fact]
    public void Canonicalize_RelabelledAndReordered_SameOutput()
    {
        var relabelled = "_:n3 <urn:name> \"end\" .\n_:n1 <urn:p> _:n2 .\n_:n2 <urn:p> _:n3 .\n";

        var a = Rdfc10.Canonicalize(NQuadsParser.Parse(Chain));
        var b = Rdfc10.Canonicalize(NQuadsParser.Parse(relabelled));

        Assert.True(a.Succeeded);
        Assert.Equal(a.NQuads, b.NQuads);
        Assert.DoesNotContain("_:x", a.NQuads, StringComparison.Ordinal);
        Assert.Equal(3, a.CanonicalIdentifiers.Count);
        Assert.All(a.CanonicalIdentifiers.Values, v => Assert.StartsWith("c14n", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Canonicalize_ChangedLiteral_DifferentOutput()
    {
        var a = Rdfc10.Canonicalize(NQuadsParser.Parse(Chain));
        var b = Rdfc10.Canonicalize(NQuadsParser.Parse(Chain.Replace("end", "End", StringComparison.Ordinal)));

        Assert.NotEqual(a.NQuads, b.NQuads);
    }

    [Fact]
    public void Canonicalize_Output_IsSortedByCodePoint()
    {
        // U+1F303 (a surrogate pair in UTF-16) sorts after U+FFFD by code point, though not by UTF-16 ordinal.
        var dataset = NQuadsParser.Parse("<urn:s> <urn:p> \"\U0001F303\" .\n<urn:s> <urn:p> \"\uFFFD\" .\n");

        var lines = Rdfc10.Canonicalize(dataset).NQuads!.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains('\uFFFD', lines[0]);
        Assert.Contains("\U0001F303", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_SymmetricCycle_NeedsNDegreeAndIsStable()
    {
        // A cycle of four indistinguishable blank nodes: first-degree hashes tie, §4.8 must break the tie.
        var cycle = "_:a <urn:p> _:b .\n_:b <urn:p> _:c .\n_:c <urn:p> _:d .\n_:d <urn:p> _:a .\n";
        var rotated = "_:c <urn:p> _:d .\n_:d <urn:p> _:a .\n_:a <urn:p> _:b .\n_:b <urn:p> _:c .\n";

        var a = Rdfc10.Canonicalize(NQuadsParser.Parse(cycle));
        var b = Rdfc10.Canonicalize(NQuadsParser.Parse(rotated));

        Assert.True(a.Succeeded);
        Assert.Equal(a.NQuads, b.NQuads);
    }

    [Fact]
    public void Canonicalize_Sha384_ChangesLabelsNotContent()
    {
        var tie = "_:a <urn:p> _:b .\n_:b <urn:p> _:a .\n_:a <urn:q> \"1\" .\n_:b <urn:q> \"2\" .\n";

        var sha256 = Rdfc10.Canonicalize(NQuadsParser.Parse(tie));
        var sha384 = Rdfc10.Canonicalize(NQuadsParser.Parse(tie), new Rdfc10Options { HashAlgorithm = RdfcHashAlgorithm.Sha384 });

        Assert.True(sha384.Succeeded);
        Assert.Equal(sha256.NQuads!.Length, sha384.NQuads!.Length);
    }

    [Fact]
    public void Canonicalize_Clique_ExceedsWorkBound_ReturnsError()
    {
        var clique = new StringBuilder();
        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 7; j++)
            {
                clique.Append($"_:n{i} <urn:p> _:n{j} .\n");
            }
        }

        var result = Rdfc10.Canonicalize(NQuadsParser.Parse(clique.ToString()), new Rdfc10Options { MaxWork = 500 });

        Assert.False(result.Succeeded);
        Assert.Null(result.NQuads);
        Assert.Contains("work bound", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var cycle = NQuadsParser.Parse("_:a <urn:p> _:b .\n_:b <urn:p> _:a .\n");

        Assert.Throws<OperationCanceledException>(() => Rdfc10.Canonicalize(cycle, cancellationToken: cts.Token));
    }

    [Fact]
    public void Canonicalize_DuplicateQuads_CountOnce()
    {
        var result = Rdfc10.Canonicalize(NQuadsParser.Parse("_:a <urn:p> \"x\" .\n_:a <urn:p> \"x\" .\n"));

        Assert.Equal("_:c14n0 <urn:p> \"x\" .\n", result.NQuads);
    }
}
