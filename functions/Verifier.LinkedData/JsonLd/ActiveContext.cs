namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// The active context (JSON-LD 1.1 API §4.1). Instances handed out by the processor are never mutated again, so they
/// can key caches and be shared across threads; processing always works on a <see cref="Clone"/>.
/// </summary>
internal sealed class ActiveContext
{
    public ActiveContext(string? baseIri, bool mode10)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
        Mode10 = mode10;
        Terms = new Dictionary<string, TermDefinition>(StringComparer.Ordinal);
    }

    private ActiveContext(ActiveContext o)
    {
        Terms = new Dictionary<string, TermDefinition>(o.Terms, StringComparer.Ordinal);
        BaseIri = o.BaseIri;
        OriginalBaseUrl = o.OriginalBaseUrl;
        Vocab = o.Vocab;
        DefaultLanguage = o.DefaultLanguage;
        DefaultDirection = o.DefaultDirection;
        PreviousContext = o.PreviousContext;
        Mode10 = o.Mode10;
        HasProtected = o.HasProtected;
    }

    public Dictionary<string, TermDefinition> Terms { get; }

    public string? BaseIri { get; set; }

    public string? OriginalBaseUrl { get; set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? PreviousContext { get; set; }

    /// <summary>processingMode json-ld-1.0.</summary>
    public bool Mode10 { get; }

    public bool HasProtected { get; set; }

    public ActiveContext Clone() => new(this);

    public TermDefinition? Term(string key) => Terms.TryGetValue(key, out var t) ? t : null;

    public ActiveContext NewEmpty() => new(OriginalBaseUrl, Mode10);

    // Built on first use by the plain-form audit only. Never copied by Clone: a clone is still being edited.
    private Dictionary<string, List<string>>? termsByIri;

    /// <summary>
    /// IRI (or keyword) → the names of the terms mapping to it, reverse terms left out. Only asked of published
    /// contexts, which never change again; two threads building it at once build the same thing.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> TermsByIri => termsByIri ??= IndexByIri();

    private Dictionary<string, List<string>> IndexByIri()
    {
        var index = new Dictionary<string, List<string>>(Terms.Count, StringComparer.Ordinal);
        foreach (var (name, def) in Terms)
        {
            if (def.IriMapping is { } iri && !def.Reverse)
            {
                if (!index.TryGetValue(iri, out var names))
                {
                    index[iri] = names = new List<string>(1);
                }

                names.Add(name);
            }
        }

        foreach (var names in index.Values)
        {
            names.Sort(StringComparer.Ordinal); // stable messages whatever the dictionary order
        }

        return index;
    }
}
