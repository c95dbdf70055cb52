using System.Globalization;
using BenchmarkDotNet.Attributes;
using Verifier.LinkedData.Rdf;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Benchmarks.LinkedData;

/// <summary>
/// RDFC-1.0 cost against credential size: the RDF of an OB 3.0 credential whose subject has N results and whose
/// achievement has N alignments (each a blank node, as JSON-LD toRdf produces them). Distinct results tell apart at
/// first degree; identical results tie and go through the N-degree algorithm. Growth should be about linear in N.
/// Run: dotnet run -c Release --project benchmarks/Verifier.Benchmarks -- --filter '*RdfcBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class RdfcBenchmarks
{
    private const string Ob = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#";
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private RdfDataset _dataset = new();

    [Params(1, 10, 100)]
    public int Results { get; set; }

    [Params(true, false)]
    public bool Distinct { get; set; }

    [GlobalSetup]
    public void Setup() => _dataset = Credential(Results, Distinct);

    [Benchmark]
    public string? Canonicalize() => Rdfc10.Canonicalize(_dataset).NQuads;

    internal static RdfDataset Credential(int results, bool distinct)
    {
        var ds = new RdfDataset();
        var vc = RdfTerm.Iri("urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58");
        var subject = RdfTerm.Blank("subject");
        var achievement = RdfTerm.Iri("https://example.com/achievements/21st-century-skills/teamwork");
        void Add(RdfTerm s, string p, RdfTerm o) => ds.Add(new RdfQuad(s, RdfTerm.Iri(p.StartsWith("http", StringComparison.Ordinal) ? p : Ob + p), o));
        Add(vc, Rdf, RdfTerm.Iri("https://www.w3.org/2018/credentials#VerifiableCredential"));
        Add(vc, Rdf, RdfTerm.Iri(Ob + "OpenBadgeCredential"));
        Add(vc, "https://schema.org/name", RdfTerm.Literal("Teamwork Badge"));
        Add(vc, "https://www.w3.org/2018/credentials#issuer", RdfTerm.Iri("https://example.com/issuers/876543"));
        Add(vc, "https://www.w3.org/2018/credentials#validFrom", RdfTerm.Literal("2010-01-01T00:00:00Z", "http://www.w3.org/2001/XMLSchema#dateTime"));
        Add(vc, "https://www.w3.org/2018/credentials#credentialSubject", subject);
        Add(subject, Rdf, RdfTerm.Iri(Ob + "AchievementSubject"));
        Add(subject, "achievement", achievement);
        Add(achievement, Rdf, RdfTerm.Iri(Ob + "Achievement"));
        Add(achievement, "https://schema.org/name", RdfTerm.Literal("Teamwork"));
        for (var i = 0; i < results; i++)
        {
            var n = distinct ? i.ToString(CultureInfo.InvariantCulture) : "same";
            var result = RdfTerm.Blank("result" + i.ToString(CultureInfo.InvariantCulture));
            Add(subject, "result", result);
            Add(result, Rdf, RdfTerm.Iri(Ob + "Result"));
            Add(result, "value", RdfTerm.Literal("score " + n));
            Add(result, "resultDescription", RdfTerm.Iri("urn:uuid:result-description-" + n));
            var alignment = RdfTerm.Blank("alignment" + i.ToString(CultureInfo.InvariantCulture));
            Add(achievement, "alignment", alignment);
            Add(alignment, Rdf, RdfTerm.Iri(Ob + "Alignment"));
            Add(alignment, "targetName", RdfTerm.Literal("Skill " + n));
            Add(alignment, "targetUrl", RdfTerm.Iri("https://example.org/skills/" + n));
        }

        return ds;
    }
}
