using System.Text;
using System.Text.Json;
using Json.Schema;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using Verifier.Core.Caching;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 1: each <c>credentialSchema</c> of type 1EdTechJsonSchemaValidator2019 is fetched and the
/// credential validated against it (VCCS 1.0). A failed validation is a conformance error (an error under the
/// conformance profile, a warning under the authenticity profile: the essential properties a schema also requires are
/// checked by <c>ob3.structure</c>, the proof and the dates themselves); a schema that cannot be fetched or compiled is
/// a warning: the credential was not shown to be wrong, only not checked. Schemas are named by the credential, so they
/// are fetched and evaluated only once its proof verified, within a time budget and a bound on concurrent
/// evaluations: a schema built to be slow makes the check indeterminate and cannot hold every worker.
/// </summary>
// CA1001: the semaphore is never disposed on purpose: an evaluation past its budget releases it later, and a
// SemaphoreSlim whose wait handle is never touched holds nothing unmanaged.
#pragma warning disable CA1001
internal sealed class SchemaChecker(IDocumentFetcher fetcher, EngineCache cache, IOptions<VerifierOptions> options, TimeProvider time)
{
    public const string ValidatorType = "1EdTechJsonSchemaValidator2019";
    private const int MaxReportedErrors = 5;

    private readonly SemaphoreSlim _evaluations = new(options.Value.Schema.MaxConcurrentEvaluations);
#pragma warning restore CA1001

    public async Task CheckAsync(Credential credential, bool proofVerified, VerificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        if (!proofVerified)
        {
            if (Credential.Items(credential.Root, "credentialSchema").Any())
            {
                context.Checks.Skip(Ob3CheckIds.Schema, "not evaluated: the credential's proof did not verify, so the schemas it names were not fetched");
            }

            return;
        }

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

            EvaluationResults? results;
            try
            {
                results = await EvaluateAsync(schema, credential.Root, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is JsonSchemaException or InvalidOperationException or RefResolutionException)
            {
                context.Checks.Warn(Ob3CheckIds.Schema, $"the schema could not be evaluated ({e.Message})", id);
                continue;
            }
            catch (RegexMatchTimeoutException)
            {
                results = null;
            }

            if (results is null)
            {
                var budget = options.Value.Schema.EvaluationBudget;
                context.Checks.Indeterminate(Ob3CheckIds.Schema, $"the schema's evaluation did not finish within {budget.TotalSeconds:0.###} s, so the credential was not validated against it", id);
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

    /// <summary>
    /// Evaluates within <see cref="SchemaOptions.EvaluationBudget"/>; null when the budget ran out (JsonSchema.Net
    /// cannot be cancelled, so an evaluation past its budget runs on in the background but keeps its slot until it
    /// ends, and the number of such evaluations is bounded by <see cref="SchemaOptions.MaxConcurrentEvaluations"/>).
    /// </summary>
    private async Task<EvaluationResults?> EvaluateAsync(JsonSchema schema, JsonElement instance, CancellationToken ct)
    {
        var budget = options.Value.Schema.EvaluationBudget;
        var started = time.GetTimestamp();
        if (!await _evaluations.WaitAsync(budget, time, ct).ConfigureAwait(false))
        {
            return null;
        }

        var evaluation = Task.Run(() =>
        {
            try
            {
                return schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            }
            finally
            {
                _evaluations.Release();
            }
        }, CancellationToken.None);
        var left = budget - time.GetElapsedTime(started);
        try
        {
            var results = await evaluation.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, ct).ConfigureAwait(false);
            // A busy machine can run the timeout late; a result that arrived past the budget is still over it, so the
            // verdict does not depend on how loaded the instance was.
            return time.GetElapsedTime(started) > budget ? null : results;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task<(JsonSchema? Schema, string? Problem)> LoadAsync(Uri url, CancellationToken ct)
    {
        var key = "verifier.schema:" + url.AbsoluteUri;
        if (cache.TryGet(CacheTier.Schema, key, out JsonSchema cached))
        {
            return (cached, null);
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            return (null, fetched.Describe());
        }

        if (fetched.Body.Length > options.Value.Schema.MaxSchemaBytes)
        {
            return (null, $"{url} is larger than {options.Value.Schema.MaxSchemaBytes} bytes, the most a schema may be");
        }

        try
        {
            // A registry per schema: schemas fetched from different sites must not see each other's $ids.
            var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
            var schema = JsonSchema.FromText(Encoding.UTF8.GetString(fetched.Body.Span), build, url);
            // A compiled schema holds a keyword object per keyword: several times its text (estimated as 8×).
            cache.Set(CacheTier.Schema, key, schema, 8L * fetched.Body.Length, options.Value.Fetch.DefaultCacheAge);
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
