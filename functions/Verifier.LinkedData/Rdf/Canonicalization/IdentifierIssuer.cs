namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>
/// RDFC-1.0 §4.5 identifier issuer: hands out prefix + counter per existing blank node label, remembering the order
/// of issue (the canonical labels of a hash path are issued in that order, §4.4.3 step 6.3).
/// </summary>
internal sealed class IdentifierIssuer
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _issued;
    private readonly List<string> _order;

    public IdentifierIssuer(string prefix)
    {
        _prefix = prefix;
        _issued = new Dictionary<string, string>(StringComparer.Ordinal);
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer source)
    {
        _prefix = source._prefix;
        _issued = new Dictionary<string, string>(source._issued, StringComparer.Ordinal);
        _order = [.. source._order];
    }

    /// <summary>The existing labels in the order their identifiers were issued.</summary>
    public IReadOnlyList<string> IssuedOrder => _order;

    public IReadOnlyDictionary<string, string> Issued => _issued;

    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var id))
        {
            return id;
        }

        id = _prefix + _order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _issued.Add(existing, id);
        _order.Add(existing);
        return id;
    }

    public bool TryGet(string existing, out string? id) => _issued.TryGetValue(existing, out id);

    public bool Has(string existing) => _issued.ContainsKey(existing);

    public IdentifierIssuer Copy() => new(this);
}
