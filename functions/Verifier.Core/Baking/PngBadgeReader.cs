namespace Verifier.Core.Baking;

/// <summary>Reads the baked badge from a PNG by walking chunks (never decoding pixels).</summary>
public static class PngBadgeReader
{
    public static UnbakeResult Read(ReadOnlySpan<byte> png)
    {
        _ = png;
        return UnbakeResult.Malformed("PNG unbaking is not implemented yet");
    }
}
