namespace Verifier.Core.Tests.Conformance;

/// <summary>
/// Why a fixture's outcome differs from expectations.json, when the difference is a rule of this verifier rather than
/// a defect (docs/security.md, docs/checks/*.md). Judged on check ids, outcomes and classes; null when unexplained.
/// </summary>
internal static class FixtureDisagreements
{
    /// <summary>
    /// The reasons for the outcome: the hard failures of an invalid report, the indeterminate ones of an
    /// indeterminate report — each explained, or null when any is not.
    /// </summary>
    public static string? Explain(VerificationReport report)
    {
        var causes = report.Checks
            .Where(c => c.Outcome == CheckOutcome.Failed && c.Indeterminate == (report.Outcome == VerificationOutcome.Indeterminate))
            .ToList();
        var reasons = causes.Select(c => Reason(c, report)).Distinct().ToList();
        return causes.Count == 0 || reasons.Contains(null) ? null : string.Join(" + ", reasons);
    }

    private static string? Reason(CheckResult c, VerificationReport report) => c.Id switch
    {
        _ when c.Class == CheckClass.Conformance =>
            $"profile=conformance: {c.Id}, a specification MUST the fixture set's verifier does not check",
        Ob3CheckIds.StatusList when c.Indeterminate =>
            "rule 1: the status list is served at a URL other than the id it declares, and that id could not be fetched to confirm it — status unknown (indeterminate, never valid)",
        Ob3CheckIds.StatusList when c.Message.Contains("not by the credential's issuer", StringComparison.Ordinal) =>
            "rule 6: the status list is issued by another DID than the credential's issuer, so it cannot vouch for the credential (as vc-bitstring-status-list's matching-issuer rule)",
        Ob3CheckIds.Status when c.Indeterminate =>
            "rule 4: the status list the credential names is not there (404) — status unknown (indeterminate, never valid); the DCC verifier reports status_list_not_found",
        Ob3CheckIds.Type or Ob3CheckIds.Context when !report.Checks.Any(t => t.Id == Ob3CheckIds.Type && t.Outcome == CheckOutcome.Passed) =>
            "not an Open Badge: a plain VerifiableCredential, without an OB 3.0 / CLR 2.0 (or status list) type; the fixture set verifies any VC",
        ProofCheckIds.DataIntegrity when c.Message.Contains("not in the pinned set", StringComparison.Ordinal) =>
            "a context outside the pinned set (https://w3id.org/dcc/v1): the proof cannot be checked against a context whose content is not pinned",
        Ob3CheckIds.AttachedTo => "rule 6: a CLR member is about another subject than the CLR",
        Ob3CheckIds.ClrCredential => Members(report),
        Ob3CheckIds.IssuerKey when report.Policy != "lenient" =>
            "rule 3: a key nothing ties to the issuer (a header jwk, a fragment key no server publishes, a urn:uuid issuer) — refused under the default policy, a warning under policy=lenient",
        _ => null,
    };

    /// <summary>A CLR is invalid through its members: explained when every member that is not valid is.</summary>
    private static string? Members(VerificationReport report)
    {
        var reasons = (report.Credentials ?? []).Where(n => n.Outcome != VerificationOutcome.Valid).Select(Explain).Distinct().ToList();
        return reasons.Count == 0 || reasons.Contains(null) ? null : "a CLR member: " + string.Join(" + ", reasons);
    }
}
