using System.Collections.Frozen;
using Verifier.Core.Reporting;

namespace Verifier.Core.Engine;

/// <summary>
/// The one place a profile meets the checks (docs/checks/*.md, column "class"). Checks record a violated
/// specification MUST that changes nothing about what the badge proves with <see cref="CheckCollector.Conformance"/>;
/// under the authenticity profile such a failure is reported as a warning. Only the ids listed here can carry
/// conformance-class failures: every other check — proof, signature, issuer binding, status and revocation, dates,
/// recipient, scope, attached-to, canonical form, input — is essential by construction, so no profile can turn a
/// forged, altered, revoked or expired badge into a valid one.
/// </summary>
internal static class CheckClasses
{
    /// <summary>Data-model and format checks; their essential rules are recorded as plain failures and stay errors.</summary>
    public static readonly FrozenSet<string> ConformanceCapable = new[]
    {
        "ob3.structure",
        "ob3.context",
        "ob3.schema",
        "ob3.image",
        "ob2.structure.assertion",
        "ob2.structure.badgeclass",
        "ob2.structure.issuer",
        "ob2.structure.endorsement",
        "ob2.image",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the result is a conformance failure this profile machinery may demote.</summary>
    public static bool IsConformance(CheckResult result) =>
        result.Class == CheckClass.Conformance && ConformanceCapable.Contains(result.Id);

    /// <summary>
    /// The checks as the profile reads them: under <see cref="VerificationProfile.Authenticity"/> every conformance
    /// failure becomes a warning (still marked <c>class: conformance</c>); under <see cref="VerificationProfile.Conformance"/>
    /// it stays an error. A result marked conformance on an id that cannot carry one is shown as essential.
    /// </summary>
    public static IReadOnlyList<CheckResult> Apply(IReadOnlyList<CheckResult> checks, VerificationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(checks);
        List<CheckResult>? copy = null;
        for (var i = 0; i < checks.Count; i++)
        {
            var c = checks[i];
            if (c.Class != CheckClass.Conformance)
            {
                continue;
            }

            CheckResult read;
            if (!ConformanceCapable.Contains(c.Id))
            {
                read = c with { Class = CheckClass.Essential };
            }
            else if (profile == VerificationProfile.Authenticity && c.Outcome == CheckOutcome.Failed && !c.Indeterminate)
            {
                read = c with { Outcome = CheckOutcome.Warning };
            }
            else
            {
                continue;
            }

            copy ??= [.. checks];
            copy[i] = read;
        }

        return copy ?? checks;
    }
}
