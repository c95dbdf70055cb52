using System.Text;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Reporting;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// OB 3.0 verification step 3: a 1EdTechCredentialRefresh service is contacted at most once, after the proof
/// checked out (so a forged credential cannot send the verifier anywhere). The step says to refresh "and then repeat
/// steps 1 and 2" (conformance and proof) on the refreshed credential, and "if the refresh is not successful, continue
/// the verification process using the original". So the returned credential is verified as a nested report
/// (<c>refreshed</c>), never refreshed again ("Only perform Refresh once"); an unusable answer is a warning and this
/// report keeps covering the credential as presented.
/// </summary>
internal sealed class RefreshCheck(IDocumentFetcher fetcher)
{
    public const string RefreshType = "1EdTechCredentialRefresh";

    public const string NestedRole = "refreshed";

    public Task RunAsync(Credential credential, VerificationContext context, CancellationToken cancellationToken) =>
        RunAsync(credential, context, null, cancellationToken);

    public async Task RunAsync(Credential credential, VerificationContext context, Func<ResolvedPayload, VerificationContext, CancellationToken, Task>? verifyRefreshed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        if (context.NestedAs is not null)
        {
            // A refreshed credential is not refreshed again, and credentials nested in a CLR are not refreshed at all
            // (at most 64 of them: each could otherwise send the verifier to another service).
            return;
        }

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
        if (WebIdentity.HttpUrl(id) is not { } url)
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, "the refresh service has no absolute http(s) id; continuing with this credential", id);
            return;
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.Document, cancellationToken).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, $"the refresh failed ({fetched.Describe()}); continuing with the original credential as OB 3.0 step 3 says", id);
            return;
        }

        if (verifyRefreshed is null)
        {
            context.Checks.Pass(Ob3CheckIds.Refresh, $"the refresh service answered ({fetched.ContentType ?? "no content type"}); this report covers the credential as presented", id);
            return;
        }

        var text = Encoding.UTF8.GetString(fetched.Body.Span).Trim();
        var kind = text.StartsWith('{') ? PayloadKind.Json : PayloadKind.Jws;
        var nested = context.Nested(
            VerificationInput.FromText(text),
            new InputInfo { Kind = "url", Format = kind == PayloadKind.Jws ? "jws" : "json", EmbeddedIn = "refreshService", PayloadKind = kind == PayloadKind.Jws ? "jws" : "json" },
            NestedRole,
            keepRecipient: true,
            new AttachedTo("the refreshed copy of this credential")
            {
                // Rule 6: a refresh may update a credential, never turn it into another issuer's, person's or achievement's.
                IssuerId = credential.IssuerId ?? "(none)",
                Subject = AttachedToCheck.SubjectOf(credential),
                AchievementId = Credential.Str(credential.Achievement, "id"),
            });
        await verifyRefreshed(new ResolvedPayload(kind, text, BadgeFamily.OpenBadges3), nested, cancellationToken).ConfigureAwait(false);
        context.Refreshed = nested.ToReport();
        if (context.Refreshed.Outcome == VerificationOutcome.Valid && context.Refreshed.WarningCount > 0)
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, $"the refreshed credential verifies with {context.Refreshed.WarningCount} warning(s) (see `refreshed`): {NestedWarnings.Summary(context.Refreshed)}", id);
        }
        else if (context.Refreshed.Outcome == VerificationOutcome.Valid)
        {
            context.Checks.Pass(Ob3CheckIds.Refresh, "the refreshed credential verifies (see the nested report `refreshed`); this report covers the credential as presented", id);
        }
        else
        {
            context.Checks.Warn(Ob3CheckIds.Refresh, $"the refreshed credential is {context.Refreshed.Outcome.ToString().ToLowerInvariant()} (see the nested report `refreshed`); continuing with the original credential as OB 3.0 step 3 says", id);
        }
    }
}
