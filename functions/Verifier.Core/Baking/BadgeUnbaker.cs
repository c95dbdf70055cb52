using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>Finds the badge payload baked into an image, dispatching on the sniffed format.</summary>
public static class BadgeUnbaker
{
    public static UnbakeResult Unbake(ReadOnlySpan<byte> image) => ContentSniffer.Sniff(image) switch
    {
        SniffedFormat.Png => PngBadgeReader.Read(image),
        SniffedFormat.Svg => SvgBadgeReader.Read(image),
        _ => UnbakeResult.Malformed("not a PNG or SVG image"),
    };
}
