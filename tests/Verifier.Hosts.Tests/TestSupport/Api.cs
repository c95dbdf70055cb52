using System.Net.Http.Headers;

namespace Verifier.Hosts.Tests.TestSupport;

internal static class Api
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and code, and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>Asserts a 200 report and returns it.</summary>
    public static async Task<JsonElement> AssertReportAsync(HttpResponseMessage response)
    {
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = await ReadAsync(response);
        Assert.Matches("^(valid|invalid|indeterminate)$", report.GetProperty("outcome").GetString());
        Assert.True(report.GetProperty("checks").GetArrayLength() > 0);
        return report;
    }

    public static StringContent Text(string body, string? mediaType)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = mediaType is null ? null : MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    public static ByteArrayContent Bytes(byte[] body, string? mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = mediaType is null ? null : MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }
}
