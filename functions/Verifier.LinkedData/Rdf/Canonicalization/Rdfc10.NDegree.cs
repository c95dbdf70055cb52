using System.Text;

namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>RDFC-1.0 §4.7 Hash Related Blank Node and §4.8 Hash N-Degree Quads.</summary>
public sealed partial class Rdfc10
{
    private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(string identifier, IdentifierIssuer issuer, int depth)
    {
        CountWork();
        if (depth > _options.MaxDepth)
        {
            throw new WorkLimitExceededException($"RDF canonicalization exceeded its recursion bound ({_options.MaxDepth} levels)");
        }

        // §4.8.3 steps 1–3: group the related blank nodes by the hash of their relation to this one.
        var relatedByHash = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var quad in _blankNodeToQuads[identifier])
        {
            AddRelated(relatedByHash, quad, quad.Subject, 's', identifier, issuer);
            AddRelated(relatedByHash, quad, quad.Object, 'o', identifier, issuer);
            if (quad.Graph is not null)
            {
                AddRelated(relatedByHash, quad, quad.Graph, 'g', identifier, issuer);
            }
        }

        // Steps 4–5: for each group, the lexicographically least path over all orderings of its nodes.
        var dataToHash = new StringBuilder();
        foreach (var (relatedHash, nodes) in relatedByHash)
        {
            dataToHash.Append(relatedHash);
            string? chosenPath = null;
            IdentifierIssuer? chosenIssuer = null;
            foreach (var permutation in Permutations(nodes))
            {
                var (path, issuerCopy) = TryPath(permutation, issuer, chosenPath, depth);
                if (path is not null && (chosenPath is null || string.CompareOrdinal(path, chosenPath) < 0))
                {
                    chosenPath = path;
                    chosenIssuer = issuerCopy;
                }
            }

            dataToHash.Append(chosenPath);
            issuer = chosenIssuer!;
        }

        return (Hash(dataToHash.ToString()), issuer);
    }

    /// <summary>§4.8.3 step 5.4 for one permutation; null when it can no longer beat the chosen path.</summary>
    private (string? Path, IdentifierIssuer Issuer) TryPath(string[] permutation, IdentifierIssuer issuer, string? chosenPath, int depth)
    {
        var issuerCopy = issuer.Copy();
        var path = new StringBuilder();
        var recursionList = new List<string>();
        foreach (var related in permutation)
        {
            if (_canonicalIssuer.TryGet(related, out var canonical))
            {
                path.Append("_:").Append(canonical);
            }
            else
            {
                if (!issuerCopy.Has(related))
                {
                    recursionList.Add(related);
                }

                path.Append("_:").Append(issuerCopy.Issue(related));
            }

            if (IsWorse(path, chosenPath))
            {
                return (null, issuerCopy);
            }
        }

        foreach (var related in recursionList)
        {
            var result = HashNDegreeQuads(related, issuerCopy, depth + 1);
            path.Append("_:").Append(issuerCopy.Issue(related));
            path.Append('<').Append(result.Hash).Append('>');
            issuerCopy = result.Issuer;
            if (IsWorse(path, chosenPath))
            {
                return (null, issuerCopy);
            }
        }

        return (path.ToString(), issuerCopy);
    }

    // Step 5.4.4.5: a path at least as long as the chosen one and greater than it can never become the least.
    private static bool IsWorse(StringBuilder path, string? chosenPath) =>
        chosenPath is not null && path.Length >= chosenPath.Length && string.CompareOrdinal(path.ToString(), chosenPath) > 0;

    private void AddRelated(SortedDictionary<string, List<string>> relatedByHash, RdfQuad quad, RdfTerm term, char position, string identifier, IdentifierIssuer issuer)
    {
        if (!term.IsBlank || term.Value == identifier)
        {
            return;
        }

        var hash = HashRelatedBlankNode(term.Value, quad, issuer, position);
        if (!relatedByHash.TryGetValue(hash, out var list))
        {
            relatedByHash.Add(hash, list = []);
        }

        list.Add(term.Value);
    }

    /// <summary>§4.7: position, predicate (unless graph) and the best-known identifier of the related node.</summary>
    private string HashRelatedBlankNode(string related, RdfQuad quad, IdentifierIssuer issuer, char position)
    {
        var input = new StringBuilder();
        input.Append(position);
        if (position != 'g')
        {
            NQuadsSerializer.AppendIri(input, quad.Predicate.Value);
        }

        if (_canonicalIssuer.TryGet(related, out var canonical))
        {
            input.Append("_:").Append(canonical);
        }
        else if (issuer.TryGet(related, out var temporary))
        {
            input.Append("_:").Append(temporary);
        }
        else
        {
            input.Append(HashFirstDegreeQuads(related));
        }

        return Hash(input.ToString());
    }

    /// <summary>All orderings of the nodes (lexicographic over indexes), each counted against the work bound.</summary>
    private IEnumerable<string[]> Permutations(List<string> nodes)
    {
        var index = new int[nodes.Count];
        for (var i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        while (true)
        {
            CountWork();
            var permutation = new string[index.Length];
            for (var i = 0; i < index.Length; i++)
            {
                permutation[i] = nodes[index[i]];
            }

            yield return permutation;
            if (!NextPermutation(index))
            {
                yield break;
            }
        }
    }

    private static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1])
        {
            i--;
        }

        if (i < 0)
        {
            return false;
        }

        var j = a.Length - 1;
        while (a[j] <= a[i])
        {
            j--;
        }

        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }
}
