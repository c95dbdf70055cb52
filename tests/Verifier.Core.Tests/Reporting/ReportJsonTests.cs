using System.Text.Encodings.Web;
using Verifier.SampleMaker;

namespace Verifier.Core.Tests.Reporting;

/// <summary>
/// Reports are serialized with source-generated metadata (obverify runs as Native AOT). Clients must not see the
/// difference: for reports of every shape — valid, invalid, indeterminate, nested CLR and endorsement reports,
/// verbose details, image data, a named input — the output is byte for byte what the reflection serializer writes
/// with the same options, indented and compact.
/// </summary>
public sealed class ReportJsonTests
{
    private static readonly JsonSerializerOptions Reflection = ReflectionReportJson.Options(indented: true);
    private static readonly JsonSerializerOptions CompactGenerated = new(ReportJson.Options) { WriteIndented = false };
    private static readonly JsonSerializerOptions CompactReflection = ReflectionReportJson.Options(indented: false);

    public static TheoryData<string> Cases => [.. ReportsByName().Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Serialize_Report_IsByteForByteTheReflectionSerializersOutput(string name)
    {
        var report = (await ReportsAsync())[name];

        var generated = ReportJson.Serialize(report);
        var compact = JsonSerializer.Serialize(report, CompactGenerated);

        Assert.Equal(JsonSerializer.Serialize(report, Reflection), generated);
        Assert.Equal(JsonSerializer.Serialize(report, CompactReflection), compact);
    }

    [Fact]
    public async Task Write_IntoAWriter_IsTheSameAsSerialize()
    {
        var report = (await ReportsAsync())["clr"];
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReportJson.Write(writer, report);
        }

        Assert.Equal(ReportJson.Serialize(report), Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Options_UseTheGeneratedContextOnly()
    {
        Assert.Same(ReportJsonContext.Default, ReportJson.Options.TypeInfoResolver);
        Assert.True(ReportJson.Options.IsReadOnly);
    }

    private static Dictionary<string, Func<Task<VerificationReport>>> ReportsByName()
    {
        var samples = SampleSet.Make().ToDictionary(s => s.Name, s => s.Bytes);
        return new(StringComparer.Ordinal)
        {
            ["valid-di"] = () => RunAsync(new() { Input = Bytes(samples["ob3-did-key.json"]) }),
            ["valid-jwt-svg-named-with-image"] = () => RunAsync(new() { Input = Bytes(samples["ob3-did-jwk.svg"]), InputName = "badges/ä \"quoted\" <b>.svg", IncludeImage = true }),
            ["recipient-mismatch"] = () => RunAsync(new() { Input = Bytes(samples["ob3-did-key.png"]), Recipient = "grace@example.org" }),
            ["tampered-verbose"] = () => RunAsync(new() { Input = Bytes(samples["tampered.json"]), Verbose = true }),
            ["expired-as-of"] = () => RunAsync(new() { Input = Bytes(samples["expired.json"]), At = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.FromHours(2)) }),
            ["clr"] = () => RunAsync(new() { Input = Bytes(samples["clr.json"]) }),
            ["endorsed"] = () => RunAsync(new() { Input = Bytes(samples["endorsed.json"]) }),
            ["ob2-unverifiable"] = () => RunAsync(new() { Input = Bytes(Encoding.UTF8.GetBytes(Ob2Json)) }),
            ["garbage"] = () => RunAsync(new() { Input = Bytes(Encoding.UTF8.GetBytes("not a badge \u2014 \u00e9\u00e8 \ud83d\ude00")) }),
            ["unreachable-url"] = () => RunAsync(new() { Input = VerificationInput.FromUrl(new Uri("https://unreachable.invalid/badge.json")) }),
        };
    }

    private static Dictionary<string, VerificationReport>? _reports;

    private static async Task<Dictionary<string, VerificationReport>> ReportsAsync()
    {
        if (_reports is null)
        {
            var all = new Dictionary<string, VerificationReport>(StringComparer.Ordinal);
            foreach (var (name, make) in ReportsByName())
            {
                all[name] = await make();
            }

            _reports = all;
        }

        return _reports;
    }

    private const string Ob2Json = """
        {"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"urn:uuid:2a0c84ce-9b5e-4c59-a5b8-111111111111",
         "recipient":{"type":"email","hashed":true,"salt":"s","identity":"sha256$00"},"badge":"https://issuer.invalid/badge",
         "verification":{"type":"SignedBadge","creator":"https://issuer.invalid/key"},"issuedOn":"2024-01-15T00:00:00Z"}
        """;

    private static VerificationInput Bytes(byte[] bytes) => VerificationInput.FromBytes(bytes);

    private static async Task<VerificationReport> RunAsync(VerificationRequest request)
    {
        await using var services = EngineFactory.Build(configure: o => o.Fetch.RetryCount = 0);
        return await services.GetRequiredService<BadgeVerifier>().VerifyAsync(request);
    }
}
