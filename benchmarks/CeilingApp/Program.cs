using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// A fixed 2 KB JSON document and one RS256 signature over it, made at startup.
var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
{
    type = "Assertion",
    id = "urn:uuid:00000000-0000-0000-0000-000000000001",
    items = Enumerable.Range(0, 24).Select(i => new { name = $"item {i}", value = new string('x', 40), n = i }).ToArray(),
}));
using var rsa = RSA.Create(2048);
var signature = rsa.SignData(json, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

bool Work(ReadOnlySpan<byte> body)
{
    using var doc = JsonDocument.Parse(json);
    return rsa.VerifyData(json, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        && doc.RootElement.GetProperty("items").GetArrayLength() == 24
        && body.Length >= 0;
}

if (args is ["once", ..])
{
    // The console baseline: the same parse and RS256 check, then exit.
    return Work(File.ReadAllBytes(args.Length > 1 ? args[1] : Environment.ProcessPath!)) ? 0 : 1;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPost("/api/verify", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    return Work(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) ? Results.Text("{\"valid\":true}", "application/json") : Results.StatusCode(500);
});
app.MapGet("/api/health", () => Results.Text("{\"status\":\"ok\"}", "application/json"));
await app.RunAsync();
return 0;
