using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 1: each <c>credentialSchema</c> of type 1EdTechJsonSchemaValidator2019 is fetched and the
/// credential validated against it (VCCS 1.0). A failed validation is a conformance error (an error under the
/// conformance profile, a warning under the authenticity profile: the essential properties a schema also requires are
/// checked by <c>ob3.structure</c>, the proof and the dates themselves); a schema that cannot be fetched or compiled is
/// a warning: the credential was not shown to be wrong, only not checked.
/// </summary>
public sealed class SchemaChecker(IDocumentFetcher fetcher, IMemoryCache cache, IOptions<VerifierOptions> options)
{
    public const string ValidatorType = "1EdTechJsonSchemaValidator2019";
    private const int MaxReportedErrors = 5;

    public async Task CheckAsync(Credential credential, VerificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in Credential.Items(credential.Root, "credentialSchema"))
        {
            var id = Credential.Str(entry, "id");
            if (!Credential.Strings(entry, "type").Contains(ValidatorType))
            {
                context.Checks.Skip(Ob3CheckIds.Schema, $"credentialSchema type {Credential.Str(entry, "type") ?? "(none)"} is not validated by this verifier", id);
                continue;
            }

            if (id is null || !Uri.TryCreate(id, UriKind.Absolute, out var url))
            {
                context.Checks.Conformance(Ob3CheckIds.Schema, "credentialSchema has no absolute id", id);
                continue;
            }

            var (schema, problem) = await LoadAsync(url, cancellationToken).ConfigureAwait(false);
            if (schema is null)
            {
                context.Checks.Warn(Ob3CheckIds.Schema, $"the schema could not be used, so the credential was not validated against it: {problem}", id);
                continue;
            }

            EvaluationResults results;
            try
            {
                results = schema.Evaluate(credential.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            catch (Exception e) when (e is JsonSchemaException or InvalidOperationException or RefResolutionException)
            {
                context.Checks.Warn(Ob3CheckIds.Schema, $"the schema could not be evaluated ({e.Message})", id);
                continue;
            }

            if (results.IsValid)
            {
                context.Checks.Pass(Ob3CheckIds.Schema, "the credential conforms to its JSON schema", id);
            }
            else
            {
                context.Checks.Conformance(Ob3CheckIds.Schema, "the credential does not conform to its JSON schema: " + Describe(results), id);
            }
        }
    }

    private async Task<(JsonSchema? Schema, string? Problem)> LoadAsync(Uri url, CancellationToken ct)
    {
        var key = "verifier.schema:" + url.AbsoluteUri;
        if (cache.TryGetValue(key, out JsonSchema? cached) && cached is not null)
        {
            return (cached, null);
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (null, fetched.Describe());
        }

        try
        {
            // A registry per schema: schemas fetched from different sites must not see each other's $ids.
            var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.FromText(Encoding.UTF8.GetString(fetched.Body.Span), build, url);
            cache.Set(key, schema, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.Fetch.DefaultCacheAge, Size = 1 });
            return (schema, null);
        }
        catch (Exception e) when (e is JsonException or JsonSchemaException or InvalidOperationException or ArgumentException or RefResolutionException)
        {
            return (null, $"{url} is not a usable JSON schema ({e.Message})");
        }
    }

    private static string Describe(EvaluationResults results)
    {
        var messages = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{(d.InstanceLocation.ToString() is { Length: > 0 } loc ? loc : "/")}: {e.Value}"))
            .Distinct()
            .Take(MaxReportedErrors)
            .ToList();
        return messages.Count == 0 ? "(no detail)" : string.Join("; ", messages);
    }
}
