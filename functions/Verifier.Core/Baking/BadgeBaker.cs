using Verifier.Core.Input;

namespace Verifier.Core.Baking;

/// <summary>
/// Bakes a badge into a PNG or SVG, choosing the place the payload's family calls for: OB 2.0 and older go in the
/// "openbadges" iTXt chunk / openbadges:assertion element; OB 3.0 credentials in "openbadgecredential" /
/// openbadges:credential (OB 3.0 §5.3.2). The mirror of <see cref="BadgeUnbaker"/>; used by the HTTP bake route and
/// obverify bake.
/// </summary>
public static class BadgeBaker
{
    public static bool TryBake(ReadOnlySpan<byte> image, string payload, out byte[] baked, out string? error)
    {
        baked = [];
        var text = payload.Trim().TrimStart('\uFEFF');
        var kind = PayloadClassifier.KindOf(text);
        if (kind is null)
        {
            error = "the badge is not JSON, a compact JWS or an http(s) URL";
            return false;
        }

        var openBadges3 = kind switch
        {
            PayloadKind.Json => PayloadClassifier.FamilyOfJsonText(text) == BadgeFamily.OpenBadges3,
            PayloadKind.Jws => PayloadClassifier.FamilyOfJws(text) == BadgeFamily.OpenBadges3,
            _ => false,
        };

        switch (ContentSniffer.Sniff(image))
        {
            case SniffedFormat.Png:
                var keyword = openBadges3 ? PngBadgeReader.OpenBadgeCredentialKeyword : PngBadgeReader.OpenBadgesKeyword;
                return PngBaker.TryBake(image, text, keyword, out baked, out error);
            case SniffedFormat.Svg:
                try
                {
                    baked = SvgBaker.Bake(image, text, openBadges3);
                    error = null;
                    return true;
                }
                catch (ArgumentException e)
                {
                    error = e.Message;
                    return false;
                }

            default:
                error = "the image is not a PNG or SVG";
                return false;
        }
    }
}
