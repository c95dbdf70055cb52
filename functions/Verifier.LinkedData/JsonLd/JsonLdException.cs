namespace Verifier.LinkedData.JsonLd;

/// <summary>
/// A JSON-LD processing error. <see cref="Code"/> is the error code string of JSON-LD 1.1 API §9.5.2
/// (e.g. "loading remote context failed"), or one of this project's codes for bounds and safe mode.
/// </summary>
public sealed class JsonLdException : Exception
{
    public JsonLdException(string code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
    }

    public JsonLdException(string code, string message, Exception inner)
        : base($"{code}: {message}", inner)
    {
        Code = code;
    }

    public JsonLdException()
        : this(JsonLdErrorCodes.ProcessingLimit, "JSON-LD error")
    {
    }

    public JsonLdException(string message)
        : this(JsonLdErrorCodes.ProcessingLimit, message)
    {
    }

    public JsonLdException(string message, Exception inner)
        : this(JsonLdErrorCodes.ProcessingLimit, message, inner)
    {
    }

    public string Code { get; }

    /// <summary>The property (key or IRI) the error is about, when there is one (safe mode reports it).</summary>
    public string? Property { get; init; }
}

/// <summary>Codes beyond the W3C list, used for this project's bounds, safe mode and integrity pinning.</summary>
public static class JsonLdErrorCodes
{
    public const string LoadingRemoteContextFailed = "loading remote context failed";
    public const string ContextOverflow = "context overflow";
    public const string ProcessingLimit = "processing limit exceeded";
    public const string InvalidNumber = "invalid number";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string SafeModeViolation = "safe mode violation";
    public const string ContextNotPinned = "context not pinned";
    public const string ContextDigestMismatch = "context digest mismatch";
}
