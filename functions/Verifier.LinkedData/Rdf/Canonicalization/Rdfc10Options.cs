namespace Verifier.LinkedData.Rdf.Canonicalization;

/// <summary>The hash function of RDFC-1.0 (§4.1: SHA-256 by default; SHA-384 is used by ecdsa-rdfc-2019 with P-384).</summary>
public enum RdfcHashAlgorithm
{
    Sha256,
    Sha384,
}

public sealed class Rdfc10Options
{
    /// <summary>
    /// Bound on the work of the N-degree algorithm (§4.8): every call of Hash N-Degree Quads and every permutation
    /// tried counts one unit. RDFC-1.0 §6 asks implementations to limit this so a poison graph (a clique of blank
    /// nodes, whose cost grows factorially) fails fast. Ordinary credentials use none or a handful of units; the
    /// "evil" graphs of the W3C suite (tests 044–046) need about 3,400.
    /// </summary>
    public const int DefaultMaxWork = 20_000;

    public static Rdfc10Options Default { get; } = new();

    public RdfcHashAlgorithm HashAlgorithm { get; init; } = RdfcHashAlgorithm.Sha256;

    public int MaxWork { get; init; } = DefaultMaxWork;

    /// <summary>Bound on the recursion depth of Hash N-Degree Quads (each level walks to a further blank node).</summary>
    public int MaxDepth { get; init; } = 64;
}
