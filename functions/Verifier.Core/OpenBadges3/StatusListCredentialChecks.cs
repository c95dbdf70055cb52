using System.Text.Json;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// A status list credential submitted on its own (W3C Bitstring Status List §2.2 BitstringStatusListCredential, and
/// the legacy StatusList2021Credential): the list an issuer publishes for its badges' credentialStatus. Issuers'
/// CI jobs check these next to their badges (the 1EdTech validator accepts them too), so the verifier reads one as
/// what it is — its proof, issuer binding and dates by the same checks as a badge — instead of "not an Open Badge".
/// What makes it a list (its subject's type, statusPurpose and a decodable encodedList) is essential; the minimum
/// size is a MUST of the issuer's list that changes nothing about what it says, so it is conformance.
/// </summary>
internal static class StatusListCredentialChecks
{
    public const string Bitstring = "BitstringStatusListCredential";
    public const string Legacy = "StatusList2021Credential";

    public static bool IsKind(string? kind) => kind is Bitstring or Legacy;

    public static void Check(Credential credential, string kind, StructureFindings found)
    {
        if (credential.Subject is not { ValueKind: JsonValueKind.Object } subject)
        {
            found.Essential.Add("a status list credential's credentialSubject must be one object (the list)");
            return;
        }

        var listType = kind == Legacy ? "StatusList2021" : "BitstringStatusList";
        if (!Credential.Strings(subject, "type").Contains(listType))
        {
            found.Essential.Add($"credentialSubject.type must be {listType}");
        }

        if (Credential.Strings(subject, "statusPurpose").Count == 0)
        {
            found.Essential.Add("credentialSubject.statusPurpose is required (what a set bit means)");
        }

        var (bits, error) = Status.Bitstring.Decode(Credential.Str(subject, "encodedList"));
        if (bits is null)
        {
            found.Essential.Add($"the list cannot be read: {error}");
        }
        else if (bits.LengthInBytes < Status.Bitstring.MinimumBytes)
        {
            // Bitstring Status List §4.1: small lists let a verifier guess whose status it asks (herd privacy).
            found.Conformance.Add($"the bitstring holds {bits.LengthInBits} entries; Bitstring Status List requires at least {Status.Bitstring.MinimumBytes * 8} (16KB) so that one lookup does not single out a holder");
        }
    }
}
