using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (https://www.w3.org/TR/rdf-canon/). One instance per run: it holds the
/// state of §4.3 (blank node to quads map, hash to blank nodes map, canonical issuer) and the work counter.
/// </summary>
public sealed partial class Rdfc10
{
    private readonly Rdfc10Options _options;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, List<RdfQuad>> _blankNodeToQuads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstDegreeHashes = new(StringComparer.Ordinal);
    private readonly IdentifierIssuer _canonicalIssuer = new("c14n");
    private readonly StringBuilder _scratch = new(256);
    private int _work;

    private Rdfc10(Rdfc10Options options, CancellationToken cancellationToken)
    {
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Canonicalizes a dataset. Never throws for hostile input: too much work is an error result.</summary>
    public static RdfcResult Canonicalize(RdfDataset dataset, Rdfc10Options? options = null, CancellationToken cancellationToken = default)
    {
        var run = new Rdfc10(options ?? Rdfc10Options.Default, cancellationToken);
        try
        {
            return run.Run(dataset);
        }
        catch (WorkLimitExceededException e)
        {
            return RdfcResult.Fail(e.Message);
        }
    }

    private RdfcResult Run(RdfDataset dataset)
    {
        // A dataset is a set: duplicate quads are one quad (RDF 1.1 Concepts §4). Each quad is serialized once here;
        // quads without blank nodes keep that line in the output, so only blank node quads are written again.
        var quads = new List<RdfQuad>(dataset.Quads.Count);
        var lines = new List<string>(dataset.Quads.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = _scratch;
        foreach (var quad in dataset.Quads)
        {
            sb.Clear();
            NQuadsSerializer.AppendQuad(sb, quad);
            var line = sb.ToString();
            if (seen.Add(line))
            {
                quads.Add(quad);
                lines.Add(line);
            }
        }

        // §4.4.3 step 2: map each blank node to the quads that mention it.
        foreach (var quad in quads)
        {
            AddMention(quad.Subject, quad);
            AddMention(quad.Object, quad);
            if (quad.Graph is not null)
            {
                AddMention(quad.Graph, quad);
            }
        }

        // Step 3: hash first degree quads; group blank nodes by hash.
        var hashToBlankNodes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in _blankNodeToQuads.Keys)
        {
            var hash = HashFirstDegreeQuads(node);
            if (!hashToBlankNodes.TryGetValue(hash, out var list))
            {
                hashToBlankNodes.Add(hash, list = []);
            }

            list.Add(node);
        }

        // Step 4: unique hashes name their blank node right away, in hash order.
        foreach (var (_, nodes) in hashToBlankNodes)
        {
            if (nodes.Count == 1)
            {
                _canonicalIssuer.Issue(nodes[0]);
            }
        }

        // Step 5: shared hashes are told apart by their N-degree neighbourhoods.
        foreach (var (_, nodes) in hashToBlankNodes)
        {
            if (nodes.Count > 1)
            {
                IssueByNDegree(nodes);
            }
        }

        return new RdfcResult(Serialize(quads, lines), _canonicalIssuer.Issued, null);
    }

    private void IssueByNDegree(List<string> nodes)
    {
        var paths = new List<(string Hash, IdentifierIssuer Issuer)>();
        foreach (var node in nodes)
        {
            if (_canonicalIssuer.Has(node))
            {
                continue;
            }

            var temporary = new IdentifierIssuer("b");
            temporary.Issue(node);
            paths.Add(HashNDegreeQuads(node, temporary, depth: 0));
        }

        foreach (var (_, issuer) in paths.OrderBy(p => p.Hash, StringComparer.Ordinal))
        {
            foreach (var existing in issuer.IssuedOrder)
            {
                _canonicalIssuer.Issue(existing);
            }
        }
    }

    private void AddMention(RdfTerm term, RdfQuad quad)
    {
        if (!term.IsBlank)
        {
            return;
        }

        if (!_blankNodeToQuads.TryGetValue(term.Value, out var list))
        {
            _blankNodeToQuads.Add(term.Value, list = []);
        }

        // A quad naming the same blank node twice is listed once (§4.4.3 step 2.1 adds per quad, not per position).
        if (list.Count == 0 || !ReferenceEquals(list[^1], quad))
        {
            list.Add(quad);
        }
    }

    /// <summary>§4.6 Hash First Degree Quads: the node's quads with itself as _:a and other blank nodes as _:z.</summary>
    private string HashFirstDegreeQuads(string node)
    {
        if (_firstDegreeHashes.TryGetValue(node, out var cached))
        {
            return cached;
        }

        var quads = _blankNodeToQuads[node];
        var lines = new string[quads.Count];
        var sb = _scratch;
        for (var i = 0; i < quads.Count; i++)
        {
            sb.Clear();
            AppendRelabelled(sb, quads[i], node);
            lines[i] = sb.ToString();
        }

        Array.Sort(lines, CodePointComparer.Instance);
        var hash = Hash(lines.Length == 1 ? lines[0] : string.Concat(lines));
        _firstDegreeHashes.Add(node, hash);
        return hash;
    }

    /// <summary>§4.4.3 step 6: the quads with canonical labels, serialized and sorted in code point order.</summary>
    private string Serialize(List<RdfQuad> quads, List<string> lines)
    {
        var output = new string[quads.Count];
        var sb = _scratch;
        for (var i = 0; i < quads.Count; i++)
        {
            var quad = quads[i];
            if (!quad.Subject.IsBlank && !quad.Object.IsBlank && quad.Graph?.IsBlank != true)
            {
                output[i] = lines[i];
                continue;
            }

            sb.Clear();
            AppendRelabelled(sb, quad, null);
            output[i] = sb.ToString();
        }

        Array.Sort(output, CodePointComparer.Instance);
        return string.Concat(output);
    }

    /// <summary>
    /// Writes a quad with its blank nodes relabelled: for first-degree hashing (<paramref name="self"/> set) as _:a
    /// for that node and _:z for any other (§4.6 step 3.1.1); otherwise with their canonical labels.
    /// </summary>
    private void AppendRelabelled(StringBuilder sb, RdfQuad quad, string? self)
    {
        AppendTerm(sb, quad.Subject, self);
        sb.Append(' ');
        NQuadsSerializer.AppendTerm(sb, quad.Predicate);
        sb.Append(' ');
        AppendTerm(sb, quad.Object, self);
        if (quad.Graph is not null)
        {
            sb.Append(' ');
            AppendTerm(sb, quad.Graph, self);
        }

        sb.Append(" .\n");
    }

    private void AppendTerm(StringBuilder sb, RdfTerm term, string? self)
    {
        if (!term.IsBlank)
        {
            NQuadsSerializer.AppendTerm(sb, term);
        }
        else if (self is not null)
        {
            sb.Append(term.Value == self ? "_:a" : "_:z");
        }
        else
        {
            sb.Append("_:").Append(_canonicalIssuer.Issue(term.Value));
        }
    }

    private string Hash(string input)
    {
        var length = Encoding.UTF8.GetMaxByteCount(input.Length);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[1024];
        var bytes = buffer[..Encoding.UTF8.GetBytes(input, buffer)];
        Span<byte> digest = stackalloc byte[48];
        var written = _options.HashAlgorithm == RdfcHashAlgorithm.Sha384 ? SHA384.HashData(bytes, digest) : SHA256.HashData(bytes, digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(digest[..written]);
    }

    private void CountWork()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (++_work > _options.MaxWork)
        {
            throw new WorkLimitExceededException(
                $"RDF canonicalization exceeded its work bound ({_options.MaxWork} N-degree steps): the graph's blank nodes are too symmetric to label in reasonable time (a poison graph)");
        }
    }

    private sealed class WorkLimitExceededException(string message) : Exception(message);
}
