using System.Text;
using System.Text.Json;
using Verifier.Core.Reporting;
using Verifier.Http.Writing;

namespace Verifier.Hosts.Tests.Local;

/// <summary>
/// The 200 report goes out through the generated serialization code, with the relaxed encoder on the writer only:
/// clients must not see the difference. Byte for byte what the reflection serializer writes with the report's
/// options, compact — for text that any encoder would escape differently (non-ASCII, quotes, markup, control
/// characters, a lone surrogate), every optional member set and unset, details, nested reports.
/// </summary>
public sealed class ReportResultTests
{
    private static readonly JsonSerializerOptions Reflection = ReflectionReportJson.Options(indented: false);

    private const string Awkward = "Grâce \"quoted\" <b>&amp;</b> 'x' \\ / \u00e9\u4e2d\U0001F600 \t\n\u0001 \u2028 +";

    public static TheoryData<string> Cases => ["minimal", "full", "nested"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serialize_IsByteForByteTheReflectionSerializersCompactOutput(string name)
    {
        var report = Report(name);
        using var buffer = new PooledBufferWriter(16);

        ReportResult.Serialize(report, buffer);

        Assert.Equal(JsonSerializer.Serialize(report, Reflection), Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    private static VerificationReport Report(string name) => name switch
    {
        "minimal" => new VerificationReport(),
        "full" => Full(Awkward + "\uD800"),
        _ => new VerificationReport
        {
            Outcome = VerificationOutcome.Invalid,
            Endorsements = [Full("endorsement " + Awkward)],
            Credentials = [Full("credential"), new VerificationReport()],
            Refreshed = Full("refreshed"),
            Checks = [new CheckResult("a", CheckOutcome.Skipped, Awkward)],
        },
    };

    private static VerificationReport Full(string text) => new()
    {
        Outcome = VerificationOutcome.Indeterminate,
        ErrorCount = 2,
        WarningCount = 1,
        Policy = "strict",
        Profile = "conformance",
        EvaluatedAt = new EvaluatedAt { Instant = new DateTimeOffset(2026, 12, 5, 1, 2, 3, 456, TimeSpan.FromHours(2)), FromRequest = true },
        OpenBadgesVersion = "2.0",
        Input = new InputInfo { Kind = "bytes", Format = "png", DeclaredMediaType = "image/png", Url = "https://example.org/a?b=c&d=é", EmbeddedIn = "png:iTXt:openbadges", PayloadKind = "jws", Name = text },
        Verification = new VerificationInfo { Method = "signed", KeyId = "https://example.org/key#1", Algorithm = "RS256", IssuerKeyBound = false },
        Issuer = new IssuerInfo { Id = "https://example.org/issuer", Name = text },
        Badge = new BadgeSummary
        {
            Id = "urn:uuid:1",
            Name = text,
            Description = text,
            Image = "data:image/png;base64,AAAA",
            ImageData = "data:image/svg+xml;base64,PHN2Zz4=",
            IssuerName = text,
            Recipient = "sha256$abc",
            IssuedOn = DateTimeOffset.UnixEpoch,
            Evidence = ["https://example.org/e", text],
        },
        Checks =
        [
            new CheckResult("ob2.signature.verify", CheckOutcome.Passed, text, "https://example.org/key#1"),
            new CheckResult("ob2.structure.assertion", CheckOutcome.Warning, text) { Class = CheckClass.Conformance },
            new CheckResult("input.fetch", CheckOutcome.Failed, text) { Indeterminate = true, Details = new Dictionary<string, string> { ["hash"] = text, [text] = "x" } },
        ],
    };
}
