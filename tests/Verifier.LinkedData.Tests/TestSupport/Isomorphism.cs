namespace Verifier.LinkedData.Tests.TestSupport;

/// <summary>
/// Dataset isomorphism for tests (blank node labels differ between implementations): colour refinement of blank
/// nodes by their surroundings, then a backtracking search over equally coloured candidates.
/// </summary>
public static class Isomorphism
{
    public static bool AreIsomorphic(RdfDataset a, RdfDataset b)
    {
        var qa = a.Quads.Distinct().ToList();
        var qb = b.Quads.Distinct().ToList();
        if (qa.Count != qb.Count)
        {
            return false;
        }

        var ca = Colours(qa);
        var cb = Colours(qb);
        if (!ca.Values.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(cb.Values.OrderBy(x => x, StringComparer.Ordinal)))
        {
            return false;
        }

        var target = new HashSet<RdfQuad>(qb);
        var order = ca.Keys.OrderBy(k => ca.Values.Count(v => v == ca[k])).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var budget = 200_000;
        return Search(0);

        bool Search(int i)
        {
            if (--budget < 0)
            {
                return false;
            }

            if (i == order.Count)
            {
                return qa.All(q => target.Contains(Rename(q, map)));
            }

            var bn = order[i];
            foreach (var (candidate, colour) in cb)
            {
                if (colour != ca[bn] || used.Contains(candidate))
                {
                    continue;
                }

                map[bn] = candidate;
                used.Add(candidate);
                if (Search(i + 1))
                {
                    return true;
                }

                used.Remove(candidate);
                map.Remove(bn);
            }

            return false;
        }
    }

    private static RdfQuad Rename(RdfQuad q, Dictionary<string, string> map) =>
        new(R(q.Subject, map), R(q.Predicate, map), R(q.Object, map), q.Graph is null ? null : R(q.Graph, map));

    private static RdfTerm R(RdfTerm t, Dictionary<string, string> map) => t.IsBlank ? RdfTerm.Blank(map[t.Value]) : t;

    private static Dictionary<string, string> Colours(List<RdfQuad> quads)
    {
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in quads)
        {
            foreach (var t in Terms(q))
            {
                if (t.IsBlank)
                {
                    colours[t.Value] = string.Empty;
                }
            }
        }

        for (var round = 0; round < Math.Min(colours.Count, 8) + 1; round++)
        {
            var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var k in colours.Keys)
            {
                next[k] = [];
            }

            foreach (var q in quads)
            {
                var terms = Terms(q).ToArray();
                for (var i = 0; i < terms.Length; i++)
                {
                    if (!terms[i].IsBlank)
                    {
                        continue;
                    }

                    var sb = new StringBuilder().Append(i).Append('|');
                    for (var j = 0; j < terms.Length; j++)
                    {
                        var t = terms[j];
                        if (t.IsBlank)
                        {
                            sb.Append(t.Value == terms[i].Value ? "*" : "_" + colours[t.Value]);
                        }
                        else
                        {
                            NQuads.Term(sb, t);
                        }

                        sb.Append(' ');
                    }

                    next[terms[i].Value].Add(sb.ToString());
                }
            }

            foreach (var (k, v) in next)
            {
                v.Sort(StringComparer.Ordinal);
                colours[k] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", v))));
            }
        }

        return colours;
    }

    private static IEnumerable<RdfTerm> Terms(RdfQuad q)
    {
        yield return q.Subject;
        yield return q.Predicate;
        yield return q.Object;
        if (q.Graph is not null)
        {
            yield return q.Graph;
        }
    }
}
