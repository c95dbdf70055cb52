using System.Text.Json;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.OpenBadges3;
using Verifier.Core.Trust;

namespace Verifier.Core.Status;

/// <summary>
/// OB 3.0 verification step 4 "Check the status": every <c>credentialStatus</c> entry — 1EdTechRevocationList,
/// BitstringStatusListEntry (W3C Bitstring Status List §3) and the legacy StatusList2021Entry — becomes one check.
/// A list that cannot be reached or checked makes the outcome indeterminate, never valid.
/// </summary>
internal sealed class StatusChecker(IDocumentFetcher fetcher, StatusListLoader lists)
{
    public async Task CheckAsync(Credential credential, VerificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in Credential.Items(credential.Root, "credentialStatus"))
        {
            var types = Credential.Strings(entry, "type");
            var id = Credential.Str(entry, "id");
            if (types.Contains("1EdTechRevocationList"))
            {
                await RevocationListAsync(entry, id, credential, context, cancellationToken).ConfigureAwait(false);
            }
            else if (types.Contains("BitstringStatusListEntry") || types.Contains("StatusList2021Entry"))
            {
                await BitstringAsync(entry, id, types.Contains("StatusList2021Entry"), credential, context, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.Checks.Warn(Ob3CheckIds.Status, $"credentialStatus type [{string.Join(", ", types)}] is not supported: the status was not checked", id);
            }
        }
    }

    /// <summary>1EdTech Revocation List: the credential is revoked when its id is in <c>revokedCredentials</c>.</summary>
    private async Task RevocationListAsync(JsonElement entry, string? id, Credential credential, VerificationContext context, CancellationToken ct)
    {
        if (WebIdentity.HttpUrl(id) is not { } url)
        {
            context.Checks.Fail(Ob3CheckIds.Status, "the 1EdTechRevocationList entry has no absolute http(s) id", id);
            return;
        }

        var fetched = await fetcher.FetchAsync(url, FetchKind.StatusList, ct).ConfigureAwait(false);
        if (!fetched.IsOk)
        {
            Unreachable(fetched, context, id);
            return;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(fetched.Body, Input.StrictJson.Options);
        }
        catch (JsonException)
        {
            context.Checks.Indeterminate(Ob3CheckIds.Status, $"{url} did not answer with a revocation list (not JSON): whether the credential is revoked is unknown", id);
            return;
        }

        using (doc)
        {
            var list = doc.RootElement;
            // Rule 4: an answer that is not a revocation list (an error object, {}) says nothing about revocation.
            if (list.ValueKind != JsonValueKind.Object || !list.TryGetProperty("revokedCredentials", out var revokedList) || revokedList.ValueKind != JsonValueKind.Array)
            {
                context.Checks.Indeterminate(Ob3CheckIds.Status, $"{url} did not answer with a revocation list (no revokedCredentials array): whether the credential is revoked is unknown", id);
                return;
            }

            // Rule 1: the list speaks for the URL it was served from; rule 6: it speaks about its own issuer's credentials.
            if (Credential.Str(list, "id") is { } listId && !(WebIdentity.HttpUrl(listId) is { } listUrl && fetched.SpeaksFor(listUrl)))
            {
                context.Checks.Fail(Ob3CheckIds.Status, $"the revocation list served at {url} declares the id {listId}: it does not speak for this list", id);
                return;
            }

            if (IssuerOf(list) is { } listIssuer && !WebIdentity.SameId(listIssuer, credential.IssuerId))
            {
                context.Checks.Fail(Ob3CheckIds.Status, $"the revocation list is issued by {listIssuer}, not by the credential's issuer {credential.IssuerId}: it cannot vouch for this credential", id);
                return;
            }

            if (credential.Id is null)
            {
                context.Checks.Indeterminate(Ob3CheckIds.Status, "the credential has no id, so a revocation list cannot name it: whether it is revoked is unknown", id);
                return;
            }

            foreach (var revoked in revokedList.EnumerateArray())
            {
                var revokedId = revoked.ValueKind == JsonValueKind.String ? revoked.GetString() : Credential.Str(revoked, "id");
                if (revokedId is not null && revokedId == credential.Id)
                {
                    var reason = Credential.Str(revoked, "revocationReason");
                    context.Checks.Fail(Ob3CheckIds.Status, $"revoked by the issuer's revocation list{(reason is null ? string.Empty : ": " + reason)}", id);
                    return;
                }
            }

            context.Checks.Pass(Ob3CheckIds.Status, "not listed in the issuer's revocation list", id);
        }
    }

    private static string? IssuerOf(JsonElement list) =>
        list.TryGetProperty("issuer", out var issuer)
            ? issuer.ValueKind == JsonValueKind.String ? issuer.GetString() : Credential.Str(issuer, "id")
            : null;

    private async Task BitstringAsync(JsonElement entry, string? id, bool legacy, Credential credential, VerificationContext context, CancellationToken ct)
    {
        var subject = id ?? Credential.Str(entry, "statusListCredential");
        var purpose = Credential.Str(entry, "statusPurpose");
        var listUrlText = Credential.Str(entry, "statusListCredential");
        var index = Index(entry, "statusListIndex");
        var size = entry.TryGetProperty("statusSize", out _) ? Index(entry, "statusSize") : 1;
        if (purpose is null || WebIdentity.HttpUrl(listUrlText) is not { } listUrl || index is null || size is null or < 1 or > 16)
        {
            context.Checks.Fail(Ob3CheckIds.Status, "the status entry needs statusPurpose, an absolute http(s) statusListCredential, a statusListIndex and a statusSize from 1 to 16", subject);
            return;
        }

        var (list, failure) = await lists.LoadAsync(listUrl, context, ct).ConfigureAwait(false);
        if (list is null)
        {
            Unreachable(failure!, context, subject);
            return;
        }

        if (!ListUsable(list, purpose, legacy, credential, context, subject))
        {
            return;
        }

        var value = list.Bits!.Value(index.Value, (int)size.Value);
        if (value is null)
        {
            // Bitstring Status List §3.2 step 8: an index past the end is a STATUS_RANGE_ERROR.
            context.Checks.Fail(Ob3CheckIds.Status, $"statusListIndex {index} is beyond the list's {list.Bits.LengthInBits / size} entries", subject);
            return;
        }

        var (setMessage, clearMessage) = purpose switch
        {
            "revocation" => ("revoked", "not revoked"),
            "suspension" => ("suspended", "not suspended"),
            _ => ((string?)null, (string?)null),
        };
        if (setMessage is null)
        {
            context.Checks.Skip(Ob3CheckIds.Status, $"status purpose {purpose}: value {value} (informational)", subject);
        }
        else if (value != 0)
        {
            context.Checks.Fail(Ob3CheckIds.Status, $"{setMessage}: entry {index} of {listUrl} is set", subject);
        }
        else
        {
            context.Checks.Pass(Ob3CheckIds.Status, $"{clearMessage} (entry {index} of {listUrl})", subject);
        }
    }

    /// <summary>Reports the list's own problems; false when the entry cannot be judged from it.</summary>
    private static bool ListUsable(LoadedStatusList list, string purpose, bool legacy, Credential credential, VerificationContext context, string? subject)
    {
        var checks = context.Checks;
        // Unknown first (rule 4): an answer that could not be judged says nothing, not even that its type is wrong.
        if (list.Proof == ListProofState.Unverified)
        {
            checks.Indeterminate(Ob3CheckIds.StatusList, list.ProofMessage + ": the status cannot be trusted", subject);
            return false;
        }

        var listCredential = new Credential(list.Credential);
        var expectedType = legacy ? "StatusList2021Credential" : "BitstringStatusListCredential";
        if (!listCredential.Types.Contains(expectedType))
        {
            checks.Fail(Ob3CheckIds.StatusList, $"{list.Url} is not a {expectedType}", subject);
            return false;
        }

        switch (list.Proof)
        {
            case ListProofState.Failed:
                checks.Fail(Ob3CheckIds.StatusList, list.ProofMessage, subject);
                return false;
            case ListProofState.Unverified:
                checks.Indeterminate(Ob3CheckIds.StatusList, list.ProofMessage + ": the status cannot be trusted", subject);
                return false;
            default:
                checks.Pass(Ob3CheckIds.StatusList, list.ProofMessage, subject);
                break;
        }

        var listPurposes = Credential.Strings(listCredential.Subject, "statusPurpose");
        if (!listPurposes.Contains(purpose))
        {
            // Bitstring Status List §3.2 step 6: the purposes must match (STATUS_VERIFICATION_ERROR).
            checks.Fail(Ob3CheckIds.StatusList, $"the list's statusPurpose [{string.Join(", ", listPurposes)}] does not include the entry's {purpose}", subject);
            return false;
        }

        // Rule 6: a status list speaks about its own issuer's credentials only. Another party's list — even one whose
        // bit says "not revoked" — cannot vouch for this credential, under every policy.
        if (!WebIdentity.SameId(listCredential.IssuerId, credential.IssuerId))
        {
            checks.Fail(Ob3CheckIds.StatusList, $"the status list is issued by {listCredential.IssuerId ?? "nobody"}, not by the credential's issuer {credential.IssuerId}: it cannot vouch for this credential", subject);
            return false;
        }

        // Its key must be bound to that issuer as firmly as the request's policy demands of a badge's own key (rule 3).
        if (list.Binding is not { } binding)
        {
            checks.Fail(Ob3CheckIds.StatusList, "nothing ties the status list's key to its issuer", subject);
            return false;
        }

        if (!IssuerBinding.Accepts(context.Policy, binding.Level))
        {
            var message = $"the status list's signing key: {binding.Message}";
            if (binding.Level == BindingLevel.Indeterminate)
            {
                checks.Indeterminate(Ob3CheckIds.StatusList, message, subject);
            }
            else
            {
                checks.Fail(Ob3CheckIds.StatusList, $"{message} (not accepted under the {IssuerPolicyNames.Name(context.Policy)} policy)", subject);
            }

            return false;
        }

        if (binding.Level == BindingLevel.Unproven)
        {
            checks.Warn(Ob3CheckIds.StatusList, $"the status list's signing key is not shown to be its issuer's ({binding.Message}); accepted only because policy=lenient", subject);
        }

        var now = context.Now;
        var skew = context.Options.ClockSkew;
        var until = Earliest(listCredential.ValidUntil.Value, list.JwtExpires);
        var from = Latest(listCredential.ValidFrom.Value, list.JwtNotBefore);
        if (until is { } u && u < DateChecks.Shift(now, -skew))
        {
            checks.Indeterminate(Ob3CheckIds.StatusList, $"the status list expired at {u:O}: it no longer says anything about the status", subject);
            return false;
        }

        if (from is { } f && f > DateChecks.Shift(now, skew))
        {
            checks.Indeterminate(Ob3CheckIds.StatusList, $"the status list is not valid before {f:O}", subject);
            return false;
        }

        if (list.Bits is null)
        {
            checks.Fail(Ob3CheckIds.StatusList, $"the status list cannot be decoded: {list.DecodeError}", subject);
            return false;
        }

        if (list.Bits.LengthInBytes < Bitstring.MinimumBytes)
        {
            // §4.1 requires 16 KB for herd privacy; a short list still answers the question, so this is a warning.
            checks.Warn(Ob3CheckIds.StatusList, $"the status list has {list.Bits.LengthInBits} bits, fewer than the minimum {Bitstring.MinimumBytes * 8} (herd privacy)", subject);
        }

        return true;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void Unreachable(FetchResult failure, VerificationContext context, string? subject)
    {
        if (failure.Status == FetchStatus.Refused)
        {
            context.Checks.Fail(Ob3CheckIds.Status, failure.Describe(), subject);
        }
        else
        {
            context.Checks.Indeterminate(Ob3CheckIds.Status, $"the status could not be checked: {failure.Describe()}", subject);
        }
    }

    /// <summary>statusListIndex / statusSize: a string of digits (Bitstring Status List) or, leniently, a JSON number.</summary>
    private static long? Index(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0)
        {
            return n;
        }

        return v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : null;
    }
}
