namespace Verifier.Core.Tests.Baking;

/// <summary>Inputs that crashed a fuzz target (fuzz/fuzz.sh), kept verbatim (base64) so each stays fixed.</summary>
public class FuzzRegressionTests
{
    /// <summary>svg target: invalid bytes inside the XML declaration before encoding="UTF-8" (System.Xml threw ArgumentOutOfRangeException).</summary>
    private const string SvgEncodingSwitch = "PD94bWwgdmVyc2lvbj0iMS4wv7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v7+/v78iIGVuY29kaW5nPSJVVEYtOCI/PjxzdmcgeD12Zz4=";

    /// <summary>jws and engine targets: JWS payloads whose @context string decodes to invalid UTF-8 (GetString threw).</summary>
    public static TheoryData<string> InvalidUtf8Jws => new()
    {
        "CgoKCmV5SmhOaUo5LmV5SkFZMjl1ZEdWNGRDSTZJbWhsY3k5MjVpSXNJbWxrSWpvaWRLSnVPblYxYVdRNk1TSjkuYzI=",
        "ZXlKSy5leUpBWTI5dWRHVjRkQ0k2SW1oMjRpSXNJbWxrSWpvaWRYSjZNU0o5LmMy",
        "ZXlKaC5leUpBWTI5dWRHVjRkQ0k2SW1yMk1pSXNJbWxrSWpvaWRYSjZNU0o5LmMt",
    };

    [Fact]
    public void SvgRead_InvalidBytesInXmlDeclaration_IsMalformedNotAnException()
    {
        var result = SvgBadgeReader.Read(Convert.FromBase64String(SvgEncodingSwitch));

        Assert.Equal(UnbakeStatus.Malformed, result.Status);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Jws))]
    public void FamilyOfJws_PayloadWithInvalidUtf8String_IsUnknown(string base64)
    {
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Trim();

        Assert.Equal(BadgeFamily.Unknown, PayloadClassifier.FamilyOfJws(text));
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8Jws))]
    public async Task VerifyAsync_JwsWithInvalidUtf8Payload_IsJudgedWithoutInternalError(string base64)
    {
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromBytes(Convert.FromBase64String(base64)),
        });

        Assert.DoesNotContain(report.Checks, c => c.Id == BadgeVerifier.EngineCheckId);
        Assert.Equal(VerificationOutcome.Invalid, report.Outcome);
    }

    /// <summary>jws target (harness oracle): a byte order mark before a JWS; sniffer and resolver must agree it is a JWS.</summary>
    [Theory]
    [InlineData("77u/ZXkub1cuX19fX1VfX19fX19fX19fX19fXw==")]
    [InlineData("77u/ZXlKaGJHY2lPaUp1YjI1bEluMHIuLg==")]
    public async Task VerifyAsync_BomBeforeJws_IsTreatedAsJws(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest { Input = VerificationInput.FromBytes(bytes) });

        Assert.Equal(SniffedFormat.Jws, ContentSniffer.Sniff(bytes));
        Assert.Equal("jws", report.Input.PayloadKind);
    }

    /// <summary>
    /// engine target, after the OB 2.0 and 3.0 verifiers were merged: JWS payloads and headers with invalid UTF-8 in
    /// string values, and JSON objects with duplicate names, threw inside the verifiers (InvalidOperationException,
    /// ArgumentException) and surfaced as engine.unexpected.
    /// </summary>
    public static TheoryData<string> EngineCrashes => new()
    {
        "ZXlKaGJHY2lPaUp1dzI1bEluMC5leUpwWkNJNk1YMC4=",
        "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZXlKQVljbWN2YjNCbGJtSk1aR2RsMjl1ZEdWNGRDSTZJbWgwZEhCek9pOHZkek5wWkM1dmNtY3ZiM0JsYm1KaFpHZGxjeTkyTWlJc0ltbGtJam9pZFhKdU9uVjZNU0o5LmMySmw=",
        "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZXlKQVkyOXVkR1Y0ZENJNkltaDBkSEJ6T2k4dmR6TnBaQzV2Y21jdmIzQmxibUpoWkdkbGN5OTJNaUlzSW1sa0lqb2lpVEp1T25WNk1TSjkuYzJKbA==",
        "ZXlKaGJHY2lPaUpTVXpJMU5pSjkuZXlKQVkyT3VkR180ZENJNkltaDBkSEJ6T2k4dmR6TnBaQzV2Y21jdmIzQmxibUpoWkdkbGN5OTJNaUlzSW1sa0lqb2lkWEpWT25RNk1TSjkuYzJKbA==",
        "ZXlKaGJHY2lPaUpTVXpJMS1pSjkuZXlKQVkyOXVkR1Y0ZENJNkltaDBkSEJ6T2k4dmR6TnBaQzV2Y21jdmIzQmxibUpoWkdkbGN5OTJNaUlzSW1sa0lqb2lkWEp1T25VNk1TSjkuYzJKbA==",
        "eyJAY29udGV4dCI6Imh0dHAub3JnL2IiLCJpc3N1ZWRPbiI6IjIwMi92MiIsInR5cGUiOiJBc3NlcnRpb24iLCJpZCI6IlF0dHBzOi8vZXhhbXBsZS5vcmcvYS8xIiwicmVjaXBpZW50Ijp7InR5cGUiOiJlbWFpbCIsImhhc2hlZCI6ZmFsc2UsImlkZW50aXR5IjoiYUBleGFtcGxlLm9yZyJ9LCJiYWRnZSI6Imh0dHBzOlEvZXhhbXBsZS5vcmcvYiIsImlzc3VlZE9uIjoiMjAyNi0wMS0wMVQwMDowMDowMFoiLCJ2ZXJpZmljYXRpb24iOnsidHlwZSI6Imhvc3RlZCJ9fQ==",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHBzOi8vcHVybC5pbXNnbG9iYWwub3JnL29iL3YzcDAiPjxvcGVuYmFkZ2VzOmNyZWRlbnRpYWwgdmVyaWZ5PSJleUpoYkdjaU9pSkZVekkxTmlJc0luUjVjQ0k2SWtwWFZDSjkuZXlKMll5STZleUpBWTI5dWRHVjRkQ0k2V3lKb2RIUndjem92TDNkM2R5NTNNeTV2Y21jdk1qQXhPQzlqY21Wa1pXNTBhV0RzY3k5Mk1TSmRmWDAuYzJsbiI+PC9vcGVuYmFkZ2VzOmNyZWRlbnRpYWw+PC9zdmc+",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHBzOi8vcHVybC5pbXNnbG9iYWwub3JnL29iL3YzcDAiPjxvcGVuYmFkZ2VzOmNyZWRlbnRpYWwgdmVyaWZ5PSJleUpoYkdjaU9pSkZVekkxT2lJc0luUjVjQ0k2SWtwWFZDSjkuZXlKMll5STZleUpBWTI5dWRHVjRkQ0k2V3lKb2RIUndjem92TDNkM2R5NTNNeTV2Y21xdk1qQXhPQzlqY21Wa1pXNTBhV0ZzY3k5Mk1TSmRmWDAuYzJsbiI+PC9vcGVuYmFkZ2VzOmNyZWRlbnRpYWw+PC9zdmc+",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHBzOi8vcHVybC5pbXNnbG9iYWwub3JnL29iL3YzcDAiPjxvcGVuYmFkZ2VzOmNyZWRlbnRpYWwgdmVyaWZ5PSJleUpoX0djaU9pSkZVekkxTmlJc0luUjVjQ0k2SWtwWFZDSjkuZXlKMll5STZleUpBWTI5dWRHVjRkQ0k2V3lKb2RIUndjem92TDNkM2R5NTNNeTV2Y21jdk1qQXhPQzlqY21uUjVjNTBhV0ZzY3k5Mk1TSmRmWDAuYzJsbiI+PC9vcGVuYmFkZ2VzOmNyZWRlbnRpYWw+PC9zdmc+",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHBzOi8vcHVybC5pbXNnbG9iYWwub3JnL29iL3YzcDAiPjxvcGVuYmFkZ2VzOmNyZWRlbnRpYWwgdmVyaWZ5PSJleUpoYkdjaU9pSkZVekkxa2lJc0luUjVjQ0k2SWtwWFZDSjkuZXlKMll5STZleUpBWTI5dWRHVjRkQ0k2V3lKb2RIUndjem92TDNkM2R5NTNNeTV2Y21jdk1qQXhPQzlqY21Wa1pXNTBqV0ZzY3k5Mk1TSmRmWDAuYzJsbiI+PC9vcGVuYmFkZ2VzOmNyZWRlbnRpYWw+PC9zdmc+",
        "ZXlKaGJHY2lPaUpGVXpxMU5pSXNJblI1Y0NJNklrcFhWQ0o5LmV5SjJZeUk2ZXlKQVkyOXVkR1Y0ZENJNld5Sm9kSFJ3Y3pvdkxUZDNkeTUzTXk1dmNtY3ZNakF4T0M5amNtVmtaVzUwYVdGc2N5OTJNU0pkZlgwLmMybG4=",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHA6Ly9vcGVuYmFkZ2VzLm9yZyIgdmllPSIwICAxMCI+PG9wZW5iYWRnZXM6YXNzZXJ0aW9uIHZlcmlmeT0iaHR0cHk6Ly9leGFtcGxlLm9yZy9hLzEiPjwhW0NEQVRBW3siQGNvbnRleHQiOiJodHRwczovL3czaWQub3JnL29wZW5iYWRnZXMvdjIiLCJ0eXBlIjoiQXNpb24iLCJpZCI6Imh0dHBzOi8vZXhhbXBsZS5vcmcvYS8xIiwicmVjbnQiOnsidHlwZSI6ImVtYWlsIiwiaGFzaGVkIjpmYWxzZSwiIjoiYSJ9LCJlIjoiMDBaIiwidmVyaWZpY2F0aW9uIjp7InR5cGUiOiJob3N0ZWlkLm9yZy9vcGVuYmFkZ2VzL3YyIiwidHlwZSI6IkFkIn19XV0+PC9vcGVuYmFkZ2VzOmFzc2VydGlvbj48Zz48cmVjdC8+PC9nPjwvc3ZnPg==",
        // engine target on merged main: an SVG-baked hosted assertion whose id has a host System.Uri rejects
        // ("example.o]g", "example)orK") passed the OB 2.0 URL check, then new Uri(...) threw (UriFormatException).
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHA6Ly9vcGVuYmFkZ2VzLm9yZyIgdmllPSIwICAxMCI+PG9wZW5iYWRnZXM6YXNzZXJ0aW9uIHZlcmlmeT0iaHR0cHM6Ly9leGFtcGxlLm9yZy9hLzEiPjwhW0NEQVRBW3siQGNvbnRleHQiOiJodHRwczovL3czaWQub3JodHRwczovL2V4YW1wbGUub3JnL29wZW5iYWRnZXMvdjIiLCJ0eXBlIjoiQXNpb24iLCJpZCI6Imh0dHBzOi8vZXhhbXBsZS5vXWcvYS8xIiwicmVjbnQiOnsidHlwZSI6ImVtYWlsIiwiaGFzaGVkIjpmYWxzZSwiIjoiYSJ9LCJlIjoiYiIsIiI6IjIwMFoiLCJ2ZXJpZmljYXRpb24iOnsidHlwZSI6Imhvc3RlZCJ9fV1dPjwvb3BlbmJhZGdlczphc3NlcnRpb24+PGc+PHJlY3QvPjwvZz48L3N2Zz4=",
        "PHN2ZyB4bWxucz0idmciIHhtbG5zOm9wZW5iYWRnZXM9Imh0dHA6Ly9vcGVuYmFkZ2VzLm9yZyIgdmllPSIwICAxMCI+PG9wZW5iYWRnZXM6YXNzZXJ0aW9uIHZlcmlmeT0iaHR0cHM6Ly9leGFtcGxlLm9yZy9hLzEiPjwhW0NEQVRBW3siQGNvbnRleHQiOiJodHRwczovL3czaWQub3JnL29wZW5iYWRnZXMvdjIiLCJ0eXBlIjoiQXNpb24iLCJpZCI6Imh0dHBzOi8vZXhhbXBsZSlvcksvYS8xIiwicmVjbnQiOnsidHlwZSI6ImVtYWlsIiwiaGFzaGVkIjpmYWxzZSwiIjoiYSJ9LCJlIjoiYiIsIiI6IjIwMFoiLCJ2ZXJpZmljYXRpb24iOnsidHlwZSI6Imhvc3RlZCJ9fV1dPjwvb3BlbmJhZGdlczphc3NlcnRpb24+PGc+PHJlY3QvPjwvZz48L3N2Zz4=",
    };

    [Theory]
    [MemberData(nameof(EngineCrashes))]
    public async Task VerifyAsync_EngineFuzzCrash_IsJudgedWithoutInternalError(string base64)
    {
        using var sp = EngineFactory.Build();

        var report = await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromBytes(Convert.FromBase64String(base64)),
        });

        Assert.DoesNotContain(report.Checks, c => c.Id == BadgeVerifier.EngineCheckId);
        Assert.NotEqual(VerificationOutcome.Valid, report.Outcome);
    }

    [Theory]
    [InlineData("https://example.org/a/1")]
    [InlineData("https://example.o]g/a/1")]
    [InlineData("https://example)orK/a/1")]
    [InlineData("https://a..b/x")]
    [InlineData("https://.a/x")]
    [InlineData("https://a_b.example/x")]
    [InlineData("https://example.org:8443/x")]
    [InlineData("http://user@example.org/x")]
    [InlineData("https://[::1]/x")]
    public void IsHttpUrl_AgreesWithSystemUri(string url)
    {
        var parses = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0;

        Assert.Equal(parses, Verifier.Core.OpenBadges2.Model.IriSyntax.IsHttpUrl(url));
    }
}
