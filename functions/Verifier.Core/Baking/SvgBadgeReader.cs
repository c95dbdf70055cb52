namespace Verifier.Core.Baking;

/// <summary>Reads the baked badge from an SVG with a namespace-aware, DTD-prohibiting XML reader.</summary>
public static class SvgBadgeReader
{
    public static UnbakeResult Read(ReadOnlySpan<byte> svg)
    {
        _ = svg;
        return UnbakeResult.Malformed("SVG unbaking is not implemented yet");
    }
}
