namespace Verifier.Core.Input;

/// <summary>What a caller hands the engine: raw bytes, a URL, or text. The format is always sniffed from content.</summary>
public sealed class VerificationInput
{
    private VerificationInput(InputKind kind, ReadOnlyMemory<byte> bytes, Uri? url, string? text, string? mediaType)
    {
        Kind = kind;
        Bytes = bytes;
        Url = url;
        Text = text;
        DeclaredMediaType = mediaType;
    }

    public InputKind Kind { get; }

    public ReadOnlyMemory<byte> Bytes { get; }

    public Uri? Url { get; }

    public string? Text { get; }

    /// <summary>A hint only: content is sniffed and a mismatch is reported, never trusted.</summary>
    public string? DeclaredMediaType { get; }

    private Baking.UnbakeResult? _unbaked;

    /// <summary>
    /// The badge baked into these bytes (<see cref="Baking.BadgeUnbaker.Unbake"/>), read once: a host that looks into
    /// the image before verifying (to refuse one with no badge) and the engine share one reading of the same bytes.
    /// </summary>
    public Baking.UnbakeResult Unbake() => _unbaked ??= Baking.BadgeUnbaker.Unbake(Bytes.Span);

    public static VerificationInput FromBytes(ReadOnlyMemory<byte> bytes, string? mediaType = null) =>
        new(InputKind.Bytes, bytes, null, null, mediaType);

    public static VerificationInput FromUrl(Uri url) => new(InputKind.Url, default, url, null, null);

    /// <summary>JSON, a compact JWS/JWT, or a URL as text.</summary>
    public static VerificationInput FromText(string text) => new(InputKind.Text, default, null, text, null);
}

public enum InputKind
{
    Bytes,
    Url,
    Text,
}
