using Verifier.Core.Input;

namespace Verifier.Core.Baking;

public enum UnbakeStatus
{
    /// <summary>A badge payload was found.</summary>
    Found,

    /// <summary>A well-formed image with no badge in it.</summary>
    NoBadge,

    /// <summary>The image is malformed (bad signature, truncated, bad CRC, compressed iTXt, XML with a DTD, …).</summary>
    Malformed,
}

/// <summary>What unbaking an image found. Never thrown: malformed input is a status with a reason.</summary>
public sealed record UnbakeResult(UnbakeStatus Status, string? Payload, string? Location, BadgeFamily Family, string? Error)
{
    /// <summary>Non-fatal findings, e.g. a second openbadges chunk that was ignored.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public static UnbakeResult Found(string payload, string location, BadgeFamily family) =>
        new(UnbakeStatus.Found, payload, location, family, null);

    public static UnbakeResult Malformed(string error) => new(UnbakeStatus.Malformed, null, null, BadgeFamily.Unknown, error);

    public static UnbakeResult None(string why) => new(UnbakeStatus.NoBadge, null, null, BadgeFamily.Unknown, why);
}
