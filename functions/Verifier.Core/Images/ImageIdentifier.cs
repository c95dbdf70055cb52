using SixLabors.ImageSharp;
using Verifier.Core.Input;

namespace Verifier.Core.Images;

/// <summary>What an image is: its format ("PNG", "SVG", "JPEG", …) and, when its header says, its size.</summary>
internal sealed record ImageFacts(string Format, int? Width, int? Height)
{
    public bool IsPngOrSvg => Format is "PNG" or "SVG";

    public override string ToString() => Width is { } w && Height is { } h ? $"{Format} ({w}×{h})" : Format;
}

/// <summary>
/// Tells an image's format from its bytes: PNG and SVG with the verifier's own sniffer (the SVG root after the XML
/// prolog), anything else with ImageSharp <c>Image.Identify</c>, which reads headers only. Pixels are never decoded
/// (crafted-image flaws are reported against ImageSharp's decoders), and only the first <see cref="HeaderWindow"/>
/// bytes are handed to it: every format it knows keeps its size in the header.
/// </summary>
internal static class ImageIdentifier
{
    public const int HeaderWindow = 256 * 1024;

    /// <summary>The image's facts, or null when the bytes are no image ImageSharp or the sniffer knows.</summary>
    public static ImageFacts? Identify(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, HeaderWindow)];
        if (ContentSniffer.Sniff(head) == SniffedFormat.Svg)
        {
            return new ImageFacts("SVG", null, null);
        }

        try
        {
            var info = Image.Identify(head.ToArray(), out var format);
            if (format is not null)
            {
                return new ImageFacts(format.Name.ToUpperInvariant(), info?.Width, info?.Height);
            }
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // A header ImageSharp cannot read (truncated at the window, or malformed): the format may still be told
            // from its signature below; what the image is never decides the verdict of a badge.
        }

        return Image.DetectFormat(head) is { } detected ? new ImageFacts(detected.Name.ToUpperInvariant(), null, null) : null;
    }
}
