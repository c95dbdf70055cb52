using Verifier.Core.Input;
using Verifier.Core.Trust;

namespace Verifier.Cli;

/// <summary>Turns a command-line argument (a file path, an http(s) URL, or "-" for standard input) into engine input.</summary>
public static class InputLoader
{
    /// <summary>Larger files are refused: no badge image or document is anywhere near this.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static async Task<(VerificationInput? Input, string? Error)> LoadAsync(string argument, TextReader stdin, CancellationToken ct)
    {
        if (argument == "-")
        {
            // Console.In is text; a baked PNG on stdin needs the raw stream.
            var raw = ReferenceEquals(stdin, Console.In) ? Console.OpenStandardInput() : null;
            return raw is not null
                ? await FromStreamAsync(raw, ct).ConfigureAwait(false)
                : (VerificationInput.FromText(await stdin.ReadToEndAsync(ct).ConfigureAwait(false)), null);
        }

        if (WebIdentity.HttpUrl(argument) is { } url)
        {
            return (VerificationInput.FromUrl(url), null);
        }

        try
        {
            var info = new FileInfo(argument);
            if (!info.Exists)
            {
                return (null, Directory.Exists(argument) ? "is a directory, not a badge file" : "no such file");
            }

            if (info.Length > MaxBytes)
            {
                return (null, $"is larger than {MaxBytes / (1024 * 1024)} MB");
            }

            var bytes = await File.ReadAllBytesAsync(argument, ct).ConfigureAwait(false);
            return (VerificationInput.FromBytes(bytes, MediaTypeOf(argument)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, e.Message);
        }
    }

    private static async Task<(VerificationInput?, string?)> FromStreamAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"standard input is larger than {MaxBytes / (1024 * 1024)} MB");
            }

            buffer.Write(chunk, 0, read);
        }

        return (VerificationInput.FromBytes(buffer.ToArray()), null);
    }

    /// <summary>A hint for the report only; the engine sniffs content.</summary>
    private static string? MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        ".json" or ".jsonld" => "application/json",
        ".jwt" or ".jws" => "application/jwt",
        _ => null,
    };
}
