using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verifier.Core.Baking;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;

namespace Verifier.Fuzz;

/// <summary>
/// The fuzz targets. A target "crashes" when the code under test throws (readers and the engine must turn every
/// hostile input into a result) or when a property that must hold is broken (bake then unbake gives the payload back).
/// </summary>
internal static class Targets
{
    public static readonly string[] Names = ["png", "svg", "jws", "engine", "jsonld", "equivalence"];

    private static readonly LastErrorLogger Errors = new();

    private static readonly Lazy<BadgeVerifier> Engine = new(BuildEngine);

    public static Action<byte[]> Get(string name) => name switch
    {
        "png" => Png,
        "svg" => Svg,
        "jws" => Jws,
        "engine" => EngineTarget,
        "jsonld" => JsonLdTarget.Run,
        "equivalence" => EquivalenceTarget.Run,
        _ => throw new ArgumentException($"unknown target {name}", nameof(name)),
    };

    /// <summary>PNG reader; a found badge must survive being re-baked under the same keyword.</summary>
    private static void Png(byte[] data)
    {
        _ = ContentSniffer.Sniff(data);
        var result = PngBadgeReader.Read(data);
        Require(result.Status == UnbakeStatus.Found == (result.Payload is not null), "Payload is set exactly when Found");
        if (result.Status != UnbakeStatus.Found)
        {
            Require(result.Error is not null, "a failed unbake explains itself");
            return;
        }

        var location = result.Location!;
        var keyword = location[(location.LastIndexOf(':') + 1)..];
        if (!PngBaker.TryBake(data, result.Payload!, keyword, out var baked, out var error))
        {
            throw new FuzzPropertyException($"a PNG that unbakes could not be re-baked: {error}");
        }

        var again = PngBadgeReader.Read(baked);
        Require(again.Status == UnbakeStatus.Found && again.Payload == result.Payload, $"re-baked PNG gives the payload back ({again.Status}: {again.Error})");
    }

    /// <summary>SVG reader; a found badge re-baked into the SVG must unbake to the same payload.</summary>
    private static void Svg(byte[] data)
    {
        _ = ContentSniffer.Sniff(data);
        var result = SvgBadgeReader.Read(data);
        Require(result.Status == UnbakeStatus.Found == (result.Payload is not null), "Payload is set exactly when Found");
        if (result.Status != UnbakeStatus.Found)
        {
            return;
        }

        var ob3 = result.Location!.Contains("credential", StringComparison.Ordinal);
        if (IsPlainUtf8(data) && SvgBaker.TryBake(Encoding.UTF8.GetString(data), result.Payload!, ob3, out var baked, out _))
        {
            var again = SvgBadgeReader.Read(Encoding.UTF8.GetBytes(baked));
            Require(again.Status == UnbakeStatus.Found && again.Payload == result.Payload, $"re-baked SVG gives the payload back ({again.Status}: {again.Error})");
        }
    }

    /// <summary>Text classification and JWS splitting: JSON vs JWS vs URL, and the family of a JWS payload.</summary>
    private static void Jws(byte[] data)
    {
        var format = ContentSniffer.Sniff(data);
        // As the input resolver does: a UTF-8 byte order mark is not part of the text.
        var text = Encoding.UTF8.GetString(data).Trim().TrimStart('\uFEFF');
        var kind = PayloadClassifier.KindOf(text);
        _ = PayloadClassifier.LooksLikeCompactJws(text);
        _ = PayloadClassifier.FamilyOfJws(text);
        _ = PayloadClassifier.FamilyOfJsonText(text);
        if (format == SniffedFormat.Jws)
        {
            Require(kind == PayloadKind.Jws, "bytes sniffed as a JWS classify as a JWS");
        }
    }

    /// <summary>The whole engine on raw bytes, with every network fetch refused: it must always answer with a report.</summary>
    private static void EngineTarget(byte[] data)
    {
        Errors.LastException = null;
        var report = Engine.Value.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(data) }).GetAwaiter().GetResult();
        var internalError = report.Checks.FirstOrDefault(c => c.Id == BadgeVerifier.EngineCheckId);
        if (internalError is not null)
        {
            throw new FuzzPropertyException($"the engine hit an internal error: {internalError.Message}", Errors.LastException);
        }
    }

    private static BadgeVerifier BuildEngine()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Errors));
        services.AddSingleton<IDocumentFetcher, RefusingFetcher>();
        services.AddVerifierEngine(); // default options: loopback closed, so even a stray fetch could not leave the machine
        return services.BuildServiceProvider().GetRequiredService<BadgeVerifier>();
    }

    /// <summary>Baking edits UTF-8 text; other encodings (UTF-16, a declared Latin-1) are only read, not re-baked.</summary>
    private static bool IsPlainUtf8(byte[] data) =>
        System.Text.Unicode.Utf8.IsValid(data) && !Encoding.UTF8.GetString(data).Contains("encoding=", StringComparison.OrdinalIgnoreCase);

    private static void Require(bool condition, string property)
    {
        if (!condition)
        {
            throw new FuzzPropertyException($"property broken: {property}");
        }
    }

    /// <summary>Answers every fetch with "refused": fuzzing never touches the network.</summary>
    private sealed class RefusingFetcher : IDocumentFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken cancellationToken) =>
            Task.FromResult(new FetchResult(FetchStatus.Refused, url, null, null, null, ReadOnlyMemory<byte>.Empty, "network disabled while fuzzing"));
    }
}

internal sealed class FuzzPropertyException(string message, Exception? inner = null) : Exception(message, inner);
