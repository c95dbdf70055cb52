namespace Verifier.LinkedData.JsonLd;

/// <summary>Options of the JSON-LD processor (JSON-LD 1.1 API §9.2 JsonLdOptions, the subset expansion and toRdf use, plus bounds).</summary>
public sealed record JsonLdOptions
{
    /// <summary>The base IRI; defaults to the document URL if one is given.</summary>
    public string? Base { get; init; }

    /// <summary>A context applied before the document's own (the expandContext option), as a JSON string or URL.</summary>
    public string? ExpandContext { get; init; }

    /// <summary>processingMode "json-ld-1.0" when true; json-ld-1.1 otherwise.</summary>
    public bool ProcessingMode10 { get; init; }

    /// <summary>rdfDirection: null, "i18n-datatype" or "compound-literal" (API §8.1.2 step for @direction).</summary>
    public string? RdfDirection { get; init; }

    /// <summary>produceGeneralizedRdf: keep triples whose predicate is a blank node.</summary>
    public bool ProduceGeneralizedRdf { get; init; }

    /// <summary>
    /// Safe mode for signed documents: a property that expands to nothing, a relative @type IRI and any value the
    /// algorithms would silently drop are errors (code "safe mode violation", <see cref="JsonLdException.Property"/> set).
    /// </summary>
    public bool SafeMode { get; init; }

    /// <summary>
    /// When set, the expansion also audits the plain compacted form (docs/jsonld.md) and records what it finds in this
    /// object; null (the default) leaves expansion exactly as it is. Use a new instance per call.
    /// </summary>
    public PlainFormAudit? Audit { get; init; }

    /// <summary>Bound on remote context chains (@context URLs nested through other contexts and @import).</summary>
    public int MaxRemoteContextDepth { get; init; } = 16;

    /// <summary>Bound on the number of distinct remote contexts one document may load.</summary>
    public int MaxRemoteContexts { get; init; } = 64;

    /// <summary>Bound on JSON nesting during expansion.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Bound on work: expansion and context steps (objects, values and context entries visited).</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Bound on the number of quads toRdf may produce.</summary>
    public int MaxQuads { get; init; } = 1_000_000;

    public static JsonLdOptions Default { get; } = new();
}
