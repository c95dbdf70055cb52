using System.Text.Json;
using Verifier.Core.Engine;
using Verifier.Core.Input;
using Verifier.Core.Reporting;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// CLR 2.0 "ClrCredential Verification": the AchievementCredentials a ClrSubject carries in `verifiableCredential`
/// (JSON objects with an embedded proof, or compact VC-JWT strings) are each verified as OB 3.0 §"OpenBadgeCredential
/// Verification" describes, each into its own nested report (`credentials[]`). Unlike an endorsement — a third
/// party's statement — a nested credential is part of the record itself, so its failure fails the CLR.
/// </summary>
internal static class ClrCredentialsCheck
{
    /// <summary>Each nested credential may fetch keys, status lists and schemas: bound what one CLR can cause.</summary>
    public const int MaxCredentials = 64;

    public const string NestedRole = "clr-credential";

    /// <summary>
    /// For a ClrCredential, verifies every nested credential with <paramref name="verifyNested"/> (the OB 3.0 verifier
    /// itself); for a credential that is itself nested in a CLR, checks it is an AchievementCredential.
    /// </summary>
    public static async Task RunAsync(
        Credential credential,
        string? kind,
        VerificationContext context,
        Func<ResolvedPayload, VerificationContext, CancellationToken, Task> verifyNested,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(verifyNested);
        if (context.NestedAs == NestedRole)
        {
            // ClrSubject.verifiableCredential holds AchievementCredentials (CLR 2.0 data model), so depth 1 only.
            if (kind is not null and not ("AchievementCredential" or "OpenBadgeCredential"))
            {
                context.Checks.Fail(Ob3CheckIds.ClrCredential, $"a {kind} inside a ClrCredential is not allowed: a ClrSubject's verifiableCredential holds AchievementCredentials");
            }

            return;
        }

        if (kind != "ClrCredential")
        {
            return;
        }

        var items = Credential.Items(credential.Root.TryGetProperty("credentialSubject", out var subject) ? subject : null, "verifiableCredential");
        // Rule 6: every member is about the CLR's own subject; the caller's recipient= is matched against each too.
        var attached = new AttachedTo("a member of this CLR") { Subject = AttachedToCheck.SubjectOf(credential) };
        for (var i = 0; i < items.Count && i < MaxCredentials; i++)
        {
            var where = $"credentialSubject.verifiableCredential[{i}]";
            if (Payload(items[i]) is not { } payload)
            {
                context.Checks.Fail(Ob3CheckIds.ClrCredential, $"{where} is neither a credential object nor a compact VC-JWT", where);
                continue;
            }

            var nested = context.Nested(
                VerificationInput.FromText(payload.Text),
                new InputInfo { Kind = "text", Format = payload.Kind == PayloadKind.Jws ? "jws" : "json", EmbeddedIn = where, PayloadKind = payload.Kind == PayloadKind.Jws ? "jws" : "json" },
                NestedRole,
                keepRecipient: true,
                attached);
            await verifyNested(payload, nested, cancellationToken).ConfigureAwait(false);
            var report = nested.ToReport();
            context.Credentials.Add(report);
            Record(context, report, where);
        }

        if (items.Count > MaxCredentials)
        {
            // Unverified parts of the record: the CLR as a whole cannot be declared valid.
            context.Checks.Indeterminate(Ob3CheckIds.ClrCredential, $"{items.Count - MaxCredentials} further nested credential(s) not verified (at most {MaxCredentials} are)");
        }
    }

    private static ResolvedPayload? Payload(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Object => new ResolvedPayload(PayloadKind.Json, item.GetRawText(), BadgeFamily.OpenBadges3),
        JsonValueKind.String when item.GetString() is { } jwt && jwt.Count(c => c == '.') == 2 => new ResolvedPayload(PayloadKind.Jws, jwt.Trim(), BadgeFamily.OpenBadges3),
        _ => null,
    };

    private static void Record(VerificationContext context, VerificationReport report, string where)
    {
        var id = report.Badge?.Id ?? where;
        switch (report.Outcome)
        {
            case VerificationOutcome.Valid when report.WarningCount > 0:
                context.Checks.Warn(Ob3CheckIds.ClrCredential, $"the AchievementCredential at {where} verifies with {report.WarningCount} warning(s): {NestedWarnings.Summary(report)}", id);
                break;
            case VerificationOutcome.Valid:
                context.Checks.Pass(Ob3CheckIds.ClrCredential, $"the AchievementCredential at {where} verifies", id);
                break;
            case VerificationOutcome.Indeterminate:
                context.Checks.Indeterminate(Ob3CheckIds.ClrCredential, $"the AchievementCredential at {where} could not be verified ({report.ErrorCount} error(s)); see its nested report", id);
                break;
            default:
                context.Checks.Fail(Ob3CheckIds.ClrCredential, $"the AchievementCredential at {where} is {report.Outcome.ToString().ToLowerInvariant()} ({report.ErrorCount} error(s)); see its nested report", id);
                break;
        }
    }
}
