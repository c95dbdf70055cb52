using Verifier.Core.Engine;
using Verifier.Core.Fetching;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 3: a 1EdTechCredentialRefresh service is contacted at most once, after the proof
/// checked out (so a forged credential cannot send the verifier anywhere). A failed refresh is not an error: the
/// specification continues with the original credential. The refreshed credential is reported, not substituted.
/// </summary>
public sealed class RefreshCheck(IDocumentFetcher fetcher)
{
    public const string RefreshType = "1EdTechCredentialRefresh";

    public async Task RunAsync(Credential credential, VerificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        System.Text.Json.JsonElement service = default;
        foreach (var s in Credential.Items(credential.Root, "refreshService"))
        {
            if (Credential.Strings(s, "type").Contains(RefreshType))
            {
                service = s;
                break;
            }
        }

        if (service.ValueKind == System.Text.Json.JsonValueKind.Undefined)
        {
            return;
        }

        var id = Credential.Str(service, "id");
        if (id is null || !Uri.TryCreate(id, UriKind.Absolute, out var url))
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, "the refresh service has no absolute id; continuing with this credential", id);
            return;
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        if (fetched.IsOk)
        {
            context.Checks.Pass(Ob3CheckIds.Refresh, $"the refresh service answered ({fetched.ContentType ?? "no content type"}); this report covers the credential as presented", id);
        }
        else
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, $"the refresh failed ({fetched.Describe()}); continuing with the original credential as OB 3.0 step 3 says", id);
        }
    }
}
