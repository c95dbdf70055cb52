using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.Trust;
using Verifier.Http.Writing;

namespace Verifier.Http;

/// <summary>
/// <c>POST /api/verify</c> (the body is the badge) and <c>GET /api/verify?url=…</c>. Every verification outcome is a
/// 200 with the report; only requests with nothing verifiable in them get a problem.
/// </summary>
public sealed class VerifyHandler(BadgeVerifier verifier, IOptions<HttpOptions> options, CorsPolicy cors, RequestGate gate, ILogger<VerifyHandler> logger)
    : ApiHandler(cors, logger, gate)
{
    private static readonly string[] FileFields = ["file"];

    public override IReadOnlyList<string> Methods { get; } = [HttpMethods.Get, HttpMethods.Post];

    protected override Task<IResult> HandleCoreAsync(HttpRequest request, CancellationToken cancellationToken) =>
        HttpMethods.IsGet(request.Method) ? GetAsync(request, cancellationToken) : PostAsync(request, cancellationToken);

    private async Task<IResult> PostAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await BadgeBody.ReadAsync(request, options.Value, FileFields, ct).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var parameters = VerifyParameters.Parse(request.Query, body.Fields, out var problem);
        return parameters is null ? problem! : await VerifyAsync(body.Input!, parameters, ct).ConfigureAwait(false);
    }

    private async Task<IResult> GetAsync(HttpRequest request, CancellationToken ct)
    {
        var text = request.Query["url"].ToString().Trim();
        if (text.Length == 0)
        {
            return Problems.NothingVerifiable("Give the badge's address as ?url=https://… (a hosted assertion, a credential or a baked image), or POST the badge itself.");
        }

        if (WebIdentity.HttpUrl(text) is not { } url)
        {
            return Problems.BadParameter($"'url' must be an absolute http(s) URL, not '{text}'.");
        }

        var parameters = VerifyParameters.Parse(request.Query, null, out var problem);
        return parameters is null ? problem! : await VerifyAsync(VerificationInput.FromUrl(url), parameters, ct).ConfigureAwait(false);
    }

    private async Task<IResult> VerifyAsync(VerificationInput input, VerifyParameters parameters, CancellationToken ct)
    {
        var report = await verifier.VerifyAsync(
            new VerificationRequest
            {
                Input = input,
                Recipient = parameters.Recipient,
                Policy = parameters.Policy,
                Profile = parameters.Profile,
                At = parameters.At,
                Verbose = parameters.Verbose,
                RequireKnownIssuer = parameters.RequireKnownIssuer,
                IncludeImage = parameters.Image,
            },
            ct).ConfigureAwait(false);
        return new ReportResult(report);
    }
}
