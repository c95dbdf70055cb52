using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Proofs;

/// <summary>Limits of embedded-proof verification (configuration section "Verifier:DataIntegrity" when bound by a host).</summary>
public sealed class DataIntegrityOptions
{
    /// <summary>RDFC-1.0 work bound per canonicalization (see <see cref="Rdfc10Options.MaxWork"/>).</summary>
    public int MaxCanonicalizationWork { get; set; } = Rdfc10Options.DefaultMaxWork;

    /// <summary>At most this many proofs of one credential are verified; more is refused as a resource attack.</summary>
    public int MaxProofs { get; set; } = 8;
}
