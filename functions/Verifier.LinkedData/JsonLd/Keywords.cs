using System.Collections.Frozen;

namespace Verifier.LinkedData.JsonLd;

internal static class Keywords
{
    public const string Base = "@base";
    public const string Container = "@container";
    public const string Context = "@context";
    public const string Direction = "@direction";
    public const string Graph = "@graph";
    public const string Id = "@id";
    public const string Import = "@import";
    public const string Included = "@included";
    public const string Index = "@index";
    public const string Json = "@json";
    public const string Language = "@language";
    public const string List = "@list";
    public const string Nest = "@nest";
    public const string None = "@none";
    public const string Prefix = "@prefix";
    public const string Propagate = "@propagate";
    public const string Protected = "@protected";
    public const string Reverse = "@reverse";
    public const string Set = "@set";
    public const string Type = "@type";
    public const string Value = "@value";
    public const string Version = "@version";
    public const string Vocab = "@vocab";
    public const string Default = "@default";

    // JSON-LD 1.1 §9.16 (plus the framing keywords, which expansion must still recognize as keywords).
    private static readonly FrozenSet<string> All = FrozenSet.Create(StringComparer.Ordinal,
        Base, Container, Context, Direction, Graph, Id, Import, Included, Index, Json, Language, List, Nest, None,
        Prefix, Propagate, Protected, Reverse, Set, Type, Value, Version, Vocab, Default, "@embed", "@explicit",
        "@omitDefault", "@requireAll", "@any");

    public static bool IsKeyword(string? value) => value is not null && value.Length > 1 && value[0] == '@' && All.Contains(value);
}
