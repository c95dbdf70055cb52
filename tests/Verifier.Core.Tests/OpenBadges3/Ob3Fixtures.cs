using System.IO.Compression;

namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>The project's own OB 3.0 credentials, status lists and a loopback "issuer.example" to host keys and documents.</summary>
public sealed class Ob3Fixtures : IAsyncDisposable
{
    public const string Host = "issuer.example";
    public const string IssuerId = "https://issuer.example/issuers/1";
    public const string SubjectId = "did:example:learner-1";
    public const string CredentialId = "https://issuer.example/credentials/42";
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TestKey> _keys = [];

    private Ob3Fixtures(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    public static async Task<Ob3Fixtures> StartAsync() => new(await LoopbackServer.StartAsync());

    public static JsonObject Credential(string issuerId = IssuerId, string? validFrom = "2026-01-01T00:00:00Z", string? validUntil = null, string type = "OpenBadgeCredential")
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = CredentialId,
            ["type"] = new JsonArray("VerifiableCredential", type),
            ["issuer"] = new JsonObject { ["id"] = issuerId, ["type"] = new JsonArray("Profile"), ["name"] = "Example Issuer", ["url"] = "https://issuer.example" },
            ["name"] = "Teamwork",
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = SubjectId,
                ["type"] = new JsonArray("AchievementSubject"),
                ["achievement"] = new JsonObject
                {
                    ["id"] = "https://issuer.example/achievements/teamwork",
                    ["type"] = new JsonArray("Achievement"),
                    ["name"] = "Teamwork",
                    ["description"] = "Works well in a team.",
                    ["criteria"] = new JsonObject { ["narrative"] = "Nominated by peers." },
                },
            },
        };
        if (validFrom is not null)
        {
            credential["validFrom"] = validFrom;
        }

        if (validUntil is not null)
        {
            credential["validUntil"] = validUntil;
        }

        return credential;
    }

    /// <summary>A VCDM 2.0 VC-JWT payload: the credential plus iss/sub/jti/nbf (and exp when it has validUntil).</summary>
    public static JsonObject Payload(JsonObject credential)
    {
        var payload = (JsonObject)credential.DeepClone();
        payload["iss"] = credential["issuer"]!["id"]!.GetValue<string>();
        payload["sub"] = credential["credentialSubject"]!["id"]!.GetValue<string>();
        payload["jti"] = credential["id"]!.GetValue<string>();
        payload["nbf"] = DateTimeOffset.Parse(credential["validFrom"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        if (credential["validUntil"] is { } until)
        {
            payload["exp"] = DateTimeOffset.Parse(until.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
        }

        return payload;
    }

    /// <summary>
    /// Publishes <paramref name="key"/>'s public JWK at https://issuer.example{path} and returns it with its kid; the
    /// site disposes the key when it is disposed, so a test names the key once.
    /// </summary>
    public (TestKey Key, string Kid) PublishKey(TestKey key, string path = "/keys/1") => (Keep(key), HostJwk(key, path));

    /// <summary>Returns <paramref name="key"/>, disposed with the site: for keys made inside a case's lambda.</summary>
    public TestKey Keep(TestKey key)
    {
        _keys.Add(key);
        return key;
    }

    /// <summary>Publishes a bare public JWK at https://issuer.example{path}.</summary>
    public string HostJwk(TestKey key, string path = "/keys/1")
    {
        Server.MapJson(path, key.Jwk().ToJsonString());
        return "https://" + Host + path;
    }

    /// <summary>A GZIP'd, multibase base64url bitstring with the given entries set (index 0 = most significant bit of byte 0).</summary>
    public static string EncodedList(int bits, params int[] set)
    {
        var bytes = new byte[bits / 8];
        foreach (var i in set)
        {
            bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return "u" + Base64UrlEncoder.Encode(buffer.ToArray());
    }

    /// <summary>A status-list credential signed as a VC-JWT by <paramref name="key"/> (kid on the issuer's origin).</summary>
    public string HostStatusListJwt(TestKey key, string kid, string path, string purpose, string encodedList, string type = "BitstringStatusListCredential", Action<JsonObject>? header = null)
    {
        var list = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = "https://" + Host + path,
            ["type"] = new JsonArray("VerifiableCredential", type),
            ["issuer"] = IssuerId,
            ["validFrom"] = "2026-01-01T00:00:00Z",
            ["credentialSubject"] = new JsonObject { ["id"] = "https://" + Host + path + "#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = purpose, ["encodedList"] = encodedList },
        };
        var jwt = Jwt.Sign(key, list, kid: kid, header: header);
        Server.MapJson(path, jwt, contentType: "application/vc+jwt");
        return "https://" + Host + path;
    }

    public Task<VerificationReport> VerifyAsync(string payload, bool strict = false, string? recipient = null, Action<VerifierOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        VerifyAsync(payload, strict ? IssuerPolicy.Strict : null, recipient, configure, services);

    public async Task<VerificationReport> VerifyAsync(string payload, IssuerPolicy? policy, string? recipient = null, Action<VerifierOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        using var sp = Build(configure, services);
        return await sp.GetRequiredService<BadgeVerifier>().VerifyAsync(new VerificationRequest
        {
            Input = VerificationInput.FromText(payload),
            Policy = policy,
            Recipient = recipient,
        });
    }

    public ServiceProvider Build(Action<VerifierOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        if (services is null)
        {
            return EngineFactory.Build(Server, [Host], configure: configure);
        }

        // Same as EngineFactory, then changes to the registrations (e.g. another embedded-proof verifier at that seam).
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(ClockOnly.For(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)));
        collection.AddVerifierEngine();
        services(collection);
        collection.Configure<VerifierOptions>(o =>
        {
            o.Fetch.AllowLoopback = true;
            o.Fetch.HostMap[Host] = Server.BaseUri.GetLeftPart(UriPartial.Authority);
            configure?.Invoke(o);
        });
        return collection.BuildServiceProvider();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }

        return Server.DisposeAsync();
    }
}
