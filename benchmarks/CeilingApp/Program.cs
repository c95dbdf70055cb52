using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// "bare": start, read the file, exit — the floor of a process's wall time, beside which scripts/bench-cli.sh times
// the Native AOT obverify (published the same way). Before anything else, so nothing below is paid for.
if (args is ["bare", var file])
{
    return File.ReadAllBytes(file).Length > 0 ? 0 : 1;
}

// A fixed 2 KB JSON document and one RS256 signature over it, made at startup. Written with Utf8JsonWriter (no
// reflection) so the same program also runs as Native AOT: scripts/bench-cli.sh's bare AOT console.
var json = Document();
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

static byte[] Document()
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Assertion");
        writer.WriteString("id", "urn:uuid:00000000-0000-0000-0000-000000000001");
        writer.WriteStartArray("items");
        for (var i = 0; i < 24; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("name", $"item {i}");
            writer.WriteString("value", new string('x', 40));
            writer.WriteNumber("n", i);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    return buffer.ToArray();
}
