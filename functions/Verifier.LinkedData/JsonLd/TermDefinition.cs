using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Verifier.LinkedData.JsonLd;

/// <summary>A term definition (JSON-LD 1.1 API §4.1 "term definition"). Immutable once its context is published.</summary>
internal sealed class TermDefinition
{
    public string? IriMapping { get; set; }

    public bool Reverse { get; set; }

    public string? TypeMapping { get; set; }

    /// <summary>Set when the definition has an @language entry (its value may be null: "no language").</summary>
    public bool HasLanguage { get; set; }

    public string? Language { get; set; }

    public bool HasDirection { get; set; }

    public string? Direction { get; set; }

    public JsonElement? LocalContext { get; set; }

    public string? BaseUrl { get; set; }

    public bool Prefix { get; set; }

    public bool Protected { get; set; }

    public Container Container { get; set; }

    public string? Index { get; set; }

    public string? Nest { get; set; }

    /// <summary>Processed results of this term's scoped context, per active context it was applied to (API §4.1.2 is pure).</summary>
    internal ConditionalWeakTable<ActiveContext, ActiveContext> PropertyScopedCache { get; } = new();

    internal ConditionalWeakTable<ActiveContext, ActiveContext> TypeScopedCache { get; } = new();

    internal ConditionalWeakTable<ActiveContext, ActiveContext> MapScopedCache { get; } = new();

    /// <summary>Equality apart from @protected, for the protected-term rule (API §4.2.2 step 27).</summary>
    public bool SameAs(TermDefinition o) =>
        IriMapping == o.IriMapping && Reverse == o.Reverse && TypeMapping == o.TypeMapping &&
        HasLanguage == o.HasLanguage && Language == o.Language && HasDirection == o.HasDirection &&
        Direction == o.Direction && Prefix == o.Prefix && Container == o.Container && Index == o.Index &&
        Nest == o.Nest && SameContext(LocalContext, o.LocalContext);

    private static bool SameContext(JsonElement? a, JsonElement? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return JsonElement.DeepEquals(a.Value, b.Value);
    }
}

/// <summary>Container mapping as flags (API §4.2.2 step 19).</summary>
[Flags]
internal enum Container
{
    None = 0,
    List = 1,
    Set = 2,
    Index = 4,
    Id = 8,
    Type = 16,
    Language = 32,
    Graph = 64,
}
