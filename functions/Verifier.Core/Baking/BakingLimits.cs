namespace Verifier.Core.Baking;

/// <summary>
/// Hard limits for reading and writing baked images. A badge is a few kilobytes (a signed 2.0 assertion ~2 KB, a 3.0
/// credential with an embedded image perhaps a few hundred); these caps leave ample room while bounding the work a
/// hostile image can cause. Documented in docs/checks/baking.md.
/// </summary>
internal static class BakingLimits
{
    /// <summary>Largest badge payload (text chunk data, SVG element body or attribute) read or baked: 2 MiB.</summary>
    public const int MaxPayloadBytes = 2 * 1024 * 1024;

    /// <summary>A compressed iTXt is an error; it is inflated at most this far, only to quote it in the message.</summary>
    public const int MaxInflatedPreviewBytes = 64 * 1024;

    /// <summary>Largest SVG document read, in characters (the fetcher's image cap is smaller still).</summary>
    public const long MaxSvgCharacters = 16L * 1024 * 1024;

    /// <summary>Deepest element nesting accepted in an SVG (real badges nest a few groups deep).</summary>
    public const int MaxSvgDepth = 128;
}
