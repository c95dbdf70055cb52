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
}
