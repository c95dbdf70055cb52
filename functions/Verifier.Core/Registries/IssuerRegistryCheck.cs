using Verifier.Core.Engine;
using Verifier.Core.Reporting;

namespace Verifier.Core.Registries;

/// <summary>
/// Check <c>issuer.registry</c>: whether the verified issuer is one a configured registry vouches for. A valid
/// signature says who holds a key, not who that is; a registry kept by a governance body says which institution a
/// DID belongs to. Only a verified identity is looked up, so a badge that merely claims a registered DID never
/// borrows the registry's name. Runs after the family verifier, for the top-level issuer and the issuers of nested
/// credentials (endorsements, CLR members, a refreshed credential), all under one deadline; only the top level gets
/// the check, the nested issuer blocks get their <c>knownIn</c>.
/// </summary>
public sealed class IssuerRegistryCheck(IssuerRegistries registries)
{
    public const string Id = "issuer.registry";

    /// <summary>Distinct issuer identities looked up per verification (the top level first): bounds a CLR's cost.</summary>
    public const int MaxIdentities = 8;

    public async Task RunAsync(VerificationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var required = context.Request.RequireKnownIssuer ?? context.Options.RequireKnownIssuer;
        if (registries.All.Count == 0)
        {
            // A deployment without registries runs no registry check (a skipped check in every report would only
            // keep a page from saying that every check passed), unless a caller requires a known issuer.
            if (required)
            {
                context.Checks.Fail(Id, "a known issuer is required, but no issuer registries are configured (Verifier:Registries)");
            }

            return;
        }

        var issuers = VerifiedIssuers(context);
        var identities = new List<RegistryIdentity>(Math.Min(issuers.Count, MaxIdentities));
        foreach (var (_, identity) in issuers)
        {
            if (identities.Count < MaxIdentities && !identities.Contains(identity))
            {
                identities.Add(identity);
            }
        }

        var lookups = identities.Count == 0 ? [] : await registries.LookUpAsync(identities, cancellationToken).ConfigureAwait(false);
        foreach (var (info, identity) in issuers)
        {
            var index = identities.IndexOf(identity);
            if (index >= 0)
            {
                info.KnownIn = lookups[index].KnownIn;
                info.RegistriesUnchecked = lookups[index].Unchecked is { Count: > 0 } u ? [.. u.Select(o => o.Registry)] : null;
            }
        }

        if (context.Issuer is not { Verified: true } issuer)
        {
            NotVerified(context, required);
            return;
        }

        if (RegistryIdentity.Normalize(issuer.Id) is not { } top)
        {
            var message = $"the verified identity {issuer.Id} is neither a DID nor an http(s) URL, which is all a registry lists";
            if (required)
            {
                context.Checks.Fail(Id, "a known issuer is required, but " + message, issuer.Id);
            }
            else
            {
                context.Checks.Warn(Id, message, issuer.Id);
            }

            return;
        }

        Report(context, lookups[identities.IndexOf(top)], required);
    }

    private static void Report(VerificationContext context, RegistryLookup lookup, bool required)
    {
        var checks = context.Checks;
        var subject = lookup.Identity.Value;
        foreach (var refused in lookup.Refused)
        {
            checks.Warn(Id, $"{refused.Registry}: {refused.Answer.Note}", refused.Registry);
        }

        var notChecked = lookup.Unchecked.Count == 0 ? string.Empty
            : "; could not check " + string.Join("; ", lookup.Unchecked.Select(u => $"{u.Registry} ({u.Answer.Note})"));
        if (lookup.KnownIn is { Count: > 0 } known)
        {
            checks.Pass(Id, "listed in " + string.Join(", ", known.Select(k => $"{k.Registry} as \"{k.Name}\"")) + notChecked, subject);
            return;
        }

        var asked = lookup.Answers.Count - lookup.Unchecked.Count;
        var notIn = lookup.Answers.Count == 0
            ? $"{subject} is an https identity, which only local registries list, and none is configured"
            : asked == 0 ? $"no registry could say whether {subject} is listed"
            : $"{subject} is not in any configured registry that answered ({string.Join(", ", lookup.Answers.Where(a => a.Answer.Status == RegistryStatus.NotListed).Select(a => a.Registry))})";
        if (!required)
        {
            checks.Warn(Id, notIn + notChecked, subject);
        }
        else if (lookup.Unchecked.Count > 0)
        {
            // Unknown is not false (docs/security.md rule 4): a registry that could not be asked may list the issuer.
            checks.Indeterminate(Id, "a known issuer is required: " + notIn + notChecked, subject);
        }
        else
        {
            checks.Fail(Id, "a known issuer is required: " + notIn, subject);
        }
    }

    private static void NotVerified(VerificationContext context, bool required)
    {
        var checks = context.Checks;
        if (!required)
        {
            checks.Skip(Id, context.Issuer is null
                ? "verification stopped before the issuer was established; no registry was consulted"
                : "the issuer's identity is not verified: registries are consulted only for a verified identity, so a claimed issuer borrows no registry's name",
                context.Issuer?.Id);
            return;
        }

        var message = "a known issuer is required, but the issuer's identity is not verified";
        // When the binding itself could not be decided for network reasons, the verdict stays indeterminate.
        if (checks.Snapshot().Any(c => c.Indeterminate))
        {
            checks.Indeterminate(Id, message, context.Issuer?.Id);
        }
        else
        {
            checks.Fail(Id, message, context.Issuer?.Id);
        }
    }

    /// <summary>The verified issuer blocks of this report and of its nested reports, with their lookup form.</summary>
    private static List<(IssuerInfo Info, RegistryIdentity Identity)> VerifiedIssuers(VerificationContext context)
    {
        var found = new List<(IssuerInfo, RegistryIdentity)>();
        Add(found, context.Issuer);
        foreach (var nested in context.Endorsements)
        {
            Walk(found, nested);
        }

        foreach (var nested in context.Credentials)
        {
            Walk(found, nested);
        }

        Walk(found, context.Refreshed);

        return found;
    }

    private static void Walk(List<(IssuerInfo, RegistryIdentity)> found, VerificationReport? report)
    {
        if (report is null)
        {
            return;
        }

        Add(found, report.Issuer);
        foreach (var nested in (report.Endorsements ?? []).Concat(report.Credentials ?? []).Append(report.Refreshed))
        {
            Walk(found, nested);
        }
    }

    private static void Add(List<(IssuerInfo, RegistryIdentity)> found, IssuerInfo? issuer)
    {
        if (issuer is { Verified: true } && RegistryIdentity.Normalize(issuer.Id) is { } identity)
        {
            found.Add((issuer, identity));
        }
    }
}
