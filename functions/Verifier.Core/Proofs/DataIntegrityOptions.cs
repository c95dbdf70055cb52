using System.ComponentModel.DataAnnotations;
using Verifier.LinkedData.Rdf.Canonicalization;

namespace Verifier.Core.Proofs;

/// <summary>Limits of embedded-proof verification (configuration section "Verifier:DataIntegrity").</summary>
public sealed class DataIntegrityOptions
{
    public const string SectionName = "Verifier:DataIntegrity";

    /// <summary>RDFC-1.0 work bound per canonicalization (see <see cref="Rdfc10Options.MaxWork"/>).</summary>
    [Range(1_000, int.MaxValue)]
    public int MaxCanonicalizationWork { get; set; } = Rdfc10Options.DefaultMaxWork;

    /// <summary>At most this many proofs of one credential are verified; more is refused as a resource attack.</summary>
    [Range(1, 64)]
    public int MaxProofs { get; set; } = 8;
}
