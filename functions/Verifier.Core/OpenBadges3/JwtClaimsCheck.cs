using System.Text.Json;
using Verifier.Core.Engine;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// The registered claims of a VC-JWT must agree with the credential they carry (OB 3.0 §8.2.4.1; VC DM 1.1 §6.3.1;
/// VC-JOSE-COSE §3.1.2): iss = issuer id, sub = credentialSubject.id, jti = id, nbf = validFrom/issuanceDate,
/// exp = validUntil/expirationDate. A claim that disagrees is an error; in the VCDM 1.1 form a missing required claim
/// is a warning (VCDM 2.0 payloads are the credential itself and need none of them).
/// </summary>
internal static class JwtClaimsCheck
{
    public static void Run(JsonElement payload, Credential credential, VerificationContext context, string? subject)
    {
        var errors = new List<string>(0);
        var missing = new List<string>(0);
        Compare(payload, "iss", credential.IssuerId, "issuer id", errors, missing);
        Compare(payload, "sub", credential.SubjectId, "credentialSubject.id", errors, missing);
        Compare(payload, "jti", credential.Id, "id", errors, missing);
        CompareDate(payload, "nbf", credential.ValidFrom, required: true, errors, missing);
        CompareDate(payload, "exp", credential.ValidUntil, required: false, errors, missing);

        if (errors.Count > 0)
        {
            context.Checks.Fail(Ob3CheckIds.JwtClaims, "the JWT claims contradict the credential: " + string.Join("; ", errors), subject);
        }
        else if (missing.Count > 0 && credential.IsVcdm11)
        {
            context.Checks.Warn(Ob3CheckIds.JwtClaims, "the VCDM 1.1 JWT lacks required claims: " + string.Join(", ", missing), subject);
        }
        else
        {
            context.Checks.Pass(Ob3CheckIds.JwtClaims, "the JWT claims agree with the credential", subject);
        }
    }

    private static void Compare(JsonElement payload, string claim, string? expected, string what, List<string> errors, List<string> missing)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            missing.Add(claim);
            return;
        }

        var actual = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        if (actual != expected)
        {
            errors.Add($"{claim} is {actual} but the credential's {what} is {expected ?? "absent"}");
        }
    }

    private static void CompareDate(JsonElement payload, string claim, (DateTimeOffset? Value, string? Raw, string Name) date, bool required, List<string> errors, List<string> missing)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            if (required || date.Value is not null)
            {
                missing.Add(claim);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || !InRange(seconds))
        {
            errors.Add($"{claim} is not a NumericDate");
            return;
        }

        var instant = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        if (date.Value is null)
        {
            // OB 3.0 §8.2.4.1: exp "MUST be used to set" the expiry when the credential states none.
            if (claim == "nbf")
            {
                errors.Add($"nbf is set but the credential has no {date.Name}");
            }

            return;
        }

        // NumericDate has one-second resolution; the credential's date may carry fractions.
        if (Math.Abs((instant - date.Value.Value).TotalSeconds) >= 1)
        {
            errors.Add($"{claim} is {instant:O} but the credential's {date.Name} is {date.Raw}");
        }
    }

    // DateTimeOffset's range in Unix seconds: a NumericDate outside it is malformed, never an overflow.
    private static bool InRange(double seconds) => seconds is >= -62_135_596_800 and <= 253_402_300_799;

    /// <summary>The nbf claim as an instant.</summary>
    public static DateTimeOffset? Nbf(JsonElement payload) =>
        payload.TryGetProperty("nbf", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var s) && InRange(s)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000))
            : null;

    /// <summary>The exp claim as an instant, for the expiry check when the credential itself has no validUntil.</summary>
    public static DateTimeOffset? Exp(JsonElement payload) =>
        payload.TryGetProperty("exp", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var s) && InRange(s)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(s * 1000))
            : null;
}
