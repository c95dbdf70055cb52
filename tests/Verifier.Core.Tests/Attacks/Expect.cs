namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Assertions on reports by outcome, check id and the issuer block — never by message wording. Every failure message
/// carries the whole report (nested reports included), so a failing attack test explains itself.
/// </summary>
internal static class Expect
{
    public static void Outcome(VerificationReport report, VerificationOutcome expected) =>
        Assert.True(report.Outcome == expected, $"expected outcome {expected}, was {report.Outcome}\n{Dump(report)}");

    public static void Valid(VerificationReport report) => Outcome(report, VerificationOutcome.Valid);

    public static void Invalid(VerificationReport report) => Outcome(report, VerificationOutcome.Invalid);

    public static void Indeterminate(VerificationReport report) => Outcome(report, VerificationOutcome.Indeterminate);

    /// <summary>Invalid or indeterminate: the attack must not produce a valid report.</summary>
    public static void NotValid(VerificationReport report) =>
        Assert.True(report.Outcome != VerificationOutcome.Valid, $"expected a report that is not valid\n{Dump(report)}");

    public static CheckResult Check(VerificationReport report, string id, CheckOutcome outcome)
    {
        var match = report.Checks.FirstOrDefault(c => c.Id == id && c.Outcome == outcome);
        Assert.True(match is not null, $"expected check {id} {outcome}\n{Dump(report)}");
        return match!;
    }

    public static void NoCheck(VerificationReport report, string id, CheckOutcome outcome) =>
        Assert.True(!report.Checks.Any(c => c.Id == id && c.Outcome == outcome), $"expected no check {id} {outcome}\n{Dump(report)}");

    /// <summary>Rule 6: a nested credential's or endorsement's warnings show at the top level.</summary>
    public static void TopLevelWarning(VerificationReport report) =>
        Assert.True(report.WarningCount > 0 && report.Checks.Any(c => c.Outcome == CheckOutcome.Warning),
            $"expected a top-level warning (warningCount > 0)\n{Dump(report)}");

    /// <summary>The issuer block names the identity the verifier established, and how.</summary>
    public static void IssuerProven(VerificationReport report, string id, string verifiedBy)
    {
        Assert.True(report.Issuer is { Verified: true } issuer && issuer.Id == id && issuer.VerifiedBy == verifiedBy,
            $"expected issuer {{ id: {id}, verified: true, verifiedBy: {verifiedBy} }}\n{Dump(report)}");
    }

    /// <summary>The issuer block proves some identity of the real issuer (exact id left to the family), and how.</summary>
    public static void IssuerProvenAsReal(VerificationReport report, string verifiedBy) =>
        Assert.True(report.Issuer is { Verified: true, Id: { } id } issuer && IsRealIssuer(id) && issuer.VerifiedBy == verifiedBy,
            $"expected issuer {{ id: (the real issuer), verified: true, verifiedBy: {verifiedBy} }}\n{Dump(report)}");

    /// <summary>An issuer block exists and proves nothing.</summary>
    public static void IssuerUnproven(VerificationReport report) =>
        Assert.True(report.Issuer is { Verified: false, VerifiedBy: IssuerProofs.None },
            $"expected issuer {{ verified: false, verifiedBy: none }}\n{Dump(report)}");

    /// <summary>
    /// Summary spoofing: a report must never say the real issuer (real.edu, outside its tenant area, or did:web:real.edu)
    /// made a badge it did not make. An unproven claim (Verified false) is allowed: it is shown as a claim.
    /// </summary>
    public static void NotAttributedToRealIssuer(VerificationReport report)
    {
        var id = report.Issuer?.Id;
        var real = id is not null && report.Issuer!.Verified && IsRealIssuer(id);
        Assert.False(real, $"the report credits the real issuer ({id}, verifiedBy {report.Issuer?.VerifiedBy}) with an attacker's badge\n{Dump(report)}");
    }

    public static bool IsRealIssuer(string id)
    {
        if (id.StartsWith("did:web:real.edu", StringComparison.Ordinal))
        {
            return !id.StartsWith("did:web:real.edu:tenants", StringComparison.Ordinal);
        }

        return Uri.TryCreate(id, UriKind.Absolute, out var uri) && uri.Host == AttackLab.RealHost
            && !uri.AbsolutePath.StartsWith("/tenants/", StringComparison.Ordinal);
    }

    public static string Dump(VerificationReport report, string indent = "")
    {
        var text = new StringBuilder();
        var i = report.Issuer;
        text.Append(indent).Append($"outcome {report.Outcome}, policy {report.Policy}, errors {report.ErrorCount}, warnings {report.WarningCount}, ")
            .Append(i is null ? "issuer (none)" : $"issuer {{ id: {i.Id}, verified: {i.Verified}, verifiedBy: {i.VerifiedBy}, url: {i.Url} }}")
            .Append($", badge.recipient {report.Badge?.Recipient}\n");
        foreach (var c in report.Checks)
        {
            text.Append(indent).Append($"  {c.Id} {c.Outcome}{(c.Indeterminate ? " (indeterminate)" : string.Empty)}: {c.Message}\n");
        }

        foreach (var (name, nested) in Named(report))
        {
            text.Append(indent).Append($"  nested {name}:\n").Append(Dump(nested, indent + "    "));
        }

        return text.ToString();
    }

    private static IEnumerable<(string Name, VerificationReport Report)> Named(VerificationReport report)
    {
        foreach (var e in report.Endorsements ?? [])
        {
            yield return ("endorsement", e);
        }

        foreach (var c in report.Credentials ?? [])
        {
            yield return ("credential", c);
        }

        if (report.Refreshed is { } r)
        {
            yield return ("refreshed", r);
        }
    }
}
