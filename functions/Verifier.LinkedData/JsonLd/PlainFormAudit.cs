namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// Opt-in audit of the "plain compacted form" (docs/jsonld.md): pass one in <see cref="JsonLdOptions.Audit"/> and the
/// expansion that call does anyway records where the document departs from the one JSON shape its contexts give it
/// (a term written as an IRI, a value object, <c>@nest</c>, an inline alias, a blank node id…). Every such departure is
/// JSON-LD-equivalent, so an RDFC signature still verifies, while a JSON reader sees something else.
/// One instance per call: it holds the findings of the last successful call it was passed to.
/// </summary>
public sealed class PlainFormAudit
{
    /// <summary>At most this many violations are kept; <see cref="Total"/> counts them all.</summary>
    public const int MaxKept = 32;

    /// <summary>
    /// The first context of an embedded document (a credential inside a credential: an endorsement, a CLR member),
    /// which may keep its own @context of published context URLs below the top level: the VC 2.0 and 1.1 base contexts.
    /// </summary>
    public static IReadOnlySet<string> EmbeddedDocumentContexts { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/2018/credentials/v1",
    };

    private IReadOnlyList<PlainFormViolation> violations = [];

    public IReadOnlyList<PlainFormViolation> Violations => violations;

    public int Total { get; private set; }

    public bool IsPlain => Total == 0;

    internal void Publish(IReadOnlyList<PlainFormViolation> found, int total)
    {
        violations = found;
        Total = total;
    }
}

/// <param name="Path">Where, as a JSONPath into the document (<c>$.credentialStatus[0].type</c>).</param>
/// <param name="Kind">Which rule.</param>
/// <param name="Reason">What was found and what the plain form would be, for a person.</param>
public sealed record PlainFormViolation(string Path, PlainFormViolationKind Kind, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>The rules of the plain compacted form (docs/jsonld.md "Plain compacted form").</summary>
public enum PlainFormViolationKind
{
    /// <summary>A keyword key the plain form never writes: <c>@nest</c>, <c>@included</c>, <c>@graph</c>, <c>@reverse</c>, <c>@index</c>…, or <c>@id</c>/<c>@type</c> where the context has an alias.</summary>
    Keyword,

    /// <summary>A value object (<c>@value</c>) other than a language-tagged string.</summary>
    ValueObject,

    /// <summary>A <c>@set</c> or <c>@list</c> object.</summary>
    SetOrList,

    /// <summary>A key written as a compact or absolute IRI (or left to <c>@vocab</c>) where the context has a term for that IRI.</summary>
    IriKey,

    /// <summary>A term the document's own context defines for an IRI another term already has (a smuggled alias).</summary>
    AliasTerm,

    /// <summary>The document's own context redefines a term a published (remote) context defines.</summary>
    RedefinedTerm,

    /// <summary>A type (or vocabulary-typed value) written as an IRI where the context has a term for it.</summary>
    TypeIri,

    /// <summary>An <c>@context</c> anywhere but the top-level object.</summary>
    NestedContext,

    /// <summary>A node identifier that is a blank node identifier (<c>_:…</c>).</summary>
    BlankNodeId,

    /// <summary>The same member name twice in one object.</summary>
    DuplicateMember,
}
