using System.Text.Json;
using Verifier.Core.Engine;
using Verifier.Core.Input;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// Read-only accessors over a credential's JSON, for both VCDM 2.0 (validFrom/validUntil) and the VCDM 1.1 form
/// certification still tests (issuanceDate/expirationDate, credentials v1 context).
/// </summary>
internal sealed class Credential
{
    public const string VcV2Context = "https://www.w3.org/ns/credentials/v2";
    public const string VcV1Context = "https://www.w3.org/2018/credentials/v1";

    private IReadOnlyList<string>? _types;
    private IReadOnlyList<string>? _contexts;
    private (DateTimeOffset?, string?, string)? _validFrom;
    private (DateTimeOffset?, string?, string)? _validUntil;
    private JsonElement? _subject;
    private bool _subjectRead;
    private Once _id;
    private Once _issuerId;
    private Once _subjectId;

    public Credential(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    // JsonElement.GetString allocates a new string on every call; these are asked for by several checks.
    public string? Id => _id.Read(this, static c => Str(c.Root, "id"));

    // Each accessor is read once: the checks, the claims comparison and the summary all ask for the same values.
    public IReadOnlyList<string> Types => _types ??= Strings(Root, "type");

    public bool IsVcdm11 => Contexts.Count > 0 && Contexts[0] == VcV1Context;

    public IReadOnlyList<string> Contexts => _contexts ??= Strings(Root, "@context");

    /// <summary>The issuer id, whether <c>issuer</c> is a string or a Profile object.</summary>
    public string? IssuerId => _issuerId.Read(this, static c => c.Root.TryGetProperty("issuer", out var i)
        ? i.ValueKind == JsonValueKind.String ? i.GetString() : Str(i, "id")
        : null);

    /// <summary>credentialSubject.id of the first subject.</summary>
    public string? SubjectId => _subjectId.Read(this, static c => Str(c.Subject, "id"));

    public JsonElement? Issuer => Root.TryGetProperty("issuer", out var i) ? i : null;

    /// <summary>The first credential subject (OB 3.0 has exactly one).</summary>
    public JsonElement? Subject
    {
        get
        {
            if (!_subjectRead)
            {
                _subject = Root.TryGetProperty("credentialSubject", out var s)
                    ? s.ValueKind == JsonValueKind.Array ? s.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } first ? first : null
                        : s.ValueKind == JsonValueKind.Object ? s : null
                    : null;
                _subjectRead = true;
            }

            return _subject;
        }
    }

    public JsonElement? Achievement => Subject is { } s && s.TryGetProperty("achievement", out var a) && a.ValueKind == JsonValueKind.Object ? a : null;

    public (DateTimeOffset? Value, string? Raw, string Name) ValidFrom => _validFrom ??= Date(IsVcdm11 ? "issuanceDate" : "validFrom", "issuanceDate");

    public (DateTimeOffset? Value, string? Raw, string Name) ValidUntil => _validUntil ??= Date(IsVcdm11 ? "expirationDate" : "validUntil", "expirationDate");

    private (DateTimeOffset?, string?, string) Date(string primary, string fallback)
    {
        var name = Root.TryGetProperty(primary, out _) ? primary : Root.TryGetProperty(fallback, out _) ? fallback : primary;
        if (Root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.String)
        {
            // Fail closed: ["2020-…"] or {"@value": …} is present but unreadable, never "no expiry". Raw keeps its JSON
            // (no date parses from it) so the checks report it as not a dateTime.
            var json = value.GetRawText();
            return (null, json.Length > 80 ? json[..80] + "…" : json, name);
        }

        var raw = Str(Root, name);
        return (Instants.ParseDateTimeStamp(raw), raw, name);
    }

    public static string? Str(JsonElement? obj, string name) => JsonRead.String(obj, name);

    /// <summary>A string or array-of-strings property as a list (JSON-LD allows both for type and @context).</summary>
    public static IReadOnlyList<string> Strings(JsonElement? obj, string name) => JsonRead.Strings(obj, name);

    /// <summary>An object-or-array property as a list of elements.</summary>
    public static IReadOnlyList<JsonElement> Items(JsonElement? obj, string name) => JsonRead.Items(obj, name);

    /// <summary>A string read from the JSON at most once (null is a valid, remembered answer).</summary>
    private struct Once
    {
        private string? _value;
        private bool _read;

        public string? Read(Credential credential, Func<Credential, string?> read)
        {
            if (!_read)
            {
                _value = read(credential);
                _read = true;
            }

            return _value;
        }
    }
}
