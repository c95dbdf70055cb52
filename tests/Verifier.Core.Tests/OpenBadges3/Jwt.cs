namespace Verifier.Core.Tests.OpenBadges3;

/// <summary>Builds compact JWS strings by hand, so tests control every header and byte (and do not use the code under test).</summary>
public static class Jwt
{
    public static string Sign(TestKey key, JsonObject payload, string? kid = null, JsonObject? jwk = null, Action<JsonObject>? header = null)
    {
        var h = new JsonObject { ["alg"] = key.Alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            h["kid"] = kid;
        }

        if (jwk is not null)
        {
            h["jwk"] = jwk;
        }

        header?.Invoke(h);
        var input = Encode(h) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(key.Sign(Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>A JWT whose header names <paramref name="alg"/>, signed by <paramref name="sign"/> over the signing input.</summary>
    public static string SignAs(string alg, Func<byte[], byte[]> sign, JsonObject payload, string kid)
    {
        var input = Encode(new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid }) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(input)));
    }

    public static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    /// <summary>Replaces the payload but keeps the original signature (tampering).</summary>
    public static string WithPayload(string jwt, JsonObject payload)
    {
        var parts = jwt.Split('.');
        return parts[0] + "." + Encode(payload) + "." + parts[2];
    }
}
