using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Verifier.Http;

/// <summary><c>GET /api/openapi.json</c>: the hand-written OpenAPI 3.1 document, embedded in this assembly.</summary>
public sealed class OpenApiHandler(CorsPolicy cors, ILogger<OpenApiHandler> logger) : ApiHandler(cors, logger)
{
    private static readonly Lazy<byte[]> Document = new(Load);

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get];

    /// <summary>The document's bytes (tests parse it and compare its paths with the mapped routes).</summary>
    public static ReadOnlyMemory<byte> Bytes => Document.Value;

    protected override Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IResult>(TypedResults.Bytes(Document.Value, "application/json"));

    private static byte[] Load()
    {
        using var stream = typeof(OpenApiHandler).Assembly.GetManifestResourceStream("Verifier.Http.openapi.json")
            ?? throw new InvalidOperationException("the OpenAPI document is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
