using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verifier.Core.Baking;

namespace Verifier.SampleMaker;

/// <summary>
/// Every sample with the verdict it must get (checked by tests/Verifier.Core.Tests/Samples). All are secured by keys
/// that are their issuer's identity (did:key, did:jwk), so their proofs need no issuer server and no JSON-LD context.
/// </summary>
internal static class SampleSet
{
    public sealed record Sample(string Name, byte[] Bytes, string Outcome, string What);

    private const string Created = "2026-01-01T00:00:00Z";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<Sample> Make()
    {
        using var academy = new SampleKey("academy");
        using var workshop = new SampleKey("workshop");
        using var guild = new SampleKey("guild");
        var academyIssuer = Credentials.Issuer(academy.DidKey, "Verifier Sample Academy");
        var workshopIssuer = Credentials.Issuer(workshop.DidJwk, "Verifier Sample Workshop");

        var basics = Credentials.Achievement("urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000001", "Open Badges Basics",
            "Knows what an Open Badge is and how to check one.", "Verified a badge with the Verifier and read its report.");
        var diCredential = Signing.DataIntegrity(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000101", "OpenBadgeCredential", academyIssuer, basics, Created), academy, Created);

        var baking = Credentials.Achievement("urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000002", "Badge Baking",
            "Can put a badge inside a PNG or SVG image and take it out again.", "Baked and unbaked a badge image.");
        var jwt = Signing.Jwt(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000102", "OpenBadgeCredential", workshopIssuer, baking, Created), workshop);

        var tampered = (JsonObject)diCredential.DeepClone();
        tampered["credentialSubject"]!["achievement"]!["name"] = "Open Badges Mastery";

        var expired = Signing.DataIntegrity(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000103", "OpenBadgeCredential", academyIssuer, basics,
            "2024-01-01T00:00:00Z", validUntil: "2025-01-01T00:00:00Z"), academy, "2024-01-01T00:00:00Z");

        var future = Signing.DataIntegrity(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000104", "OpenBadgeCredential", academyIssuer, basics,
            "2099-01-01T00:00:00Z"), academy, Created);

        var endorsedAchievement = Credentials.Achievement("urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000003", "Reading a Verification Report",
            "Can tell a valid badge from one that only looks valid.", "Explained three reports to a colleague.");
        endorsedAchievement["endorsement"] = new JsonArray(Signing.DataIntegrity(Credentials.Endorsement(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000201", Credentials.Issuer(guild.DidKey, "Verifier Sample Guild"),
            endorsedAchievement["id"]!.GetValue<string>(), "We teach this achievement's criteria ourselves.", Created), guild, Created));
        var endorsed = Signing.DataIntegrity(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000105", "OpenBadgeCredential", academyIssuer, endorsedAchievement, Created), academy, Created);

        var clr = Signing.DataIntegrity(Credentials.Clr(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000301", academyIssuer, "Verifier Sample Transcript", Created,
            Member(academy, academyIssuer, basics, "106"), Member(academy, academyIssuer, WithoutEndorsement((JsonObject)endorsedAchievement.DeepClone()), "107")), academy, Created);

        var diText = Json(diCredential);
        return
        [
            new("ob3-did-key.json", Encoding.UTF8.GetBytes(diText), "valid", "OB 3.0 credential, eddsa-jcs-2022 Data Integrity proof, did:key issuer"),
            new("ob3-did-jwk.jwt", Encoding.ASCII.GetBytes(jwt + "\n"), "valid", "OB 3.0 VC-JWT (EdDSA), did:jwk issuer"),
            new("ob3-did-key.png", Bake(Images.Png(), diText), "valid", "the did:key credential baked into a PNG (iTXt openbadgecredential)"),
            new("ob3-did-jwk.svg", Bake(Images.Svg(), jwt), "valid", "the VC-JWT baked into an SVG (openbadges:credential)"),
            new("endorsed.json", Encoding.UTF8.GetBytes(Json(endorsed)), "valid", "a credential whose achievement carries a signed endorsement from a second did:key issuer"),
            new("clr.json", Encoding.UTF8.GetBytes(Json(clr)), "valid", "a CLR 2.0 ClrCredential holding two signed AchievementCredentials"),
            new("tampered.json", Encoding.UTF8.GetBytes(Json(tampered)), "invalid", "ob3-did-key.json with the achievement's name changed after signing"),
            new("expired.json", Encoding.UTF8.GetBytes(Json(expired)), "invalid", "validUntil 2025-01-01: expired"),
            new("not-yet-valid.json", Encoding.UTF8.GetBytes(Json(future)), "invalid", "validFrom 2099-01-01: not yet valid"),
        ];
    }

    private static JsonObject Member(SampleKey key, JsonObject issuer, JsonObject achievement, string n) =>
        Signing.DataIntegrity(Credentials.Credential(
            "urn:uuid:5a1e0c52-8f3e-4c5e-9d0a-000000000" + n, "AchievementCredential", issuer, achievement, Created), key, Created);

    private static JsonObject WithoutEndorsement(JsonObject achievement)
    {
        achievement.Remove("endorsement");
        return achievement;
    }

    private static string Json(JsonNode node) => node.ToJsonString(Indented) + "\n";

    private static byte[] Bake(byte[] image, string payload) =>
        BadgeBaker.TryBake(image, payload, out var baked, out var error)
            ? baked
            : throw new InvalidOperationException("baking a sample failed: " + error);
}
