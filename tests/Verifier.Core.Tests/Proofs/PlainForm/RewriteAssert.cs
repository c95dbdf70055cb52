namespace Verifier.Core.Tests.Proofs.PlainForm;

/// <summary>The rewrite and the verdicts the plain-form tests share.</summary>
internal static class RewriteAssert
{
    public static JsonObject Rename(JsonObject source, string from, string to, Func<JsonNode?, JsonNode?>? convert = null)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in source)
        {
            copy[key == from ? to : key] = key == from && convert is not null ? convert(value?.DeepClone()) : value?.DeepClone();
        }

        return copy;
    }

    public static void ProofPasses(VerificationReport report) => ReportAssert.Has(report, ProofCheckIds.DataIntegrity, CheckOutcome.Passed);

    public static void Revoked(VerificationReport report)
    {
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("revoked", ReportAssert.Has(report, Ob3CheckIds.Status, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    public static void Expired(VerificationReport report)
    {
        ReportAssert.Outcome(report, VerificationOutcome.Invalid);
        Assert.Contains("expired", ReportAssert.Has(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed).Message, StringComparison.Ordinal);
    }

    /// <summary>Refused for its form: never valid, the proof reported failed, and proof.canonicalForm names the place.</summary>
    public static void NotCanonical(VerificationReport report, string pathPart)
    {
        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
        ReportAssert.Has(report, ProofCheckIds.DataIntegrity, CheckOutcome.Failed);
        var check = ReportAssert.Has(report, ProofCheckIds.CanonicalForm, CheckOutcome.Failed);
        Assert.Contains(pathPart, check.Message, StringComparison.Ordinal);
        Assert.Contains("plain compacted form", check.Message, StringComparison.Ordinal);
    }
}
