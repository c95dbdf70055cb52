using static Verifier.Core.Tests.Attacks.AttackLab;
using W = Verifier.Core.Tests.Attacks.Ob3World;

namespace Verifier.Core.Tests.Attacks;

/// <summary>
/// Rule 5 end to end: an eddsa-rdfc-2022 proof signs the credential's RDF meaning, so a holder can rewrite the JSON
/// without breaking it (a term as its full IRI, a value as a one-element array, <c>@id</c> for <c>id</c>, a blank node
/// label). Checks must read what the proof signs: a revoked or expired credential stays so, and a blank node is not
/// an identity. Needs the pinned contexts in ../shared/contexts (skipped without them).
/// </summary>
public sealed class SignedMeaningAttacks
{
    private const string List = StatusOrigin + "/lists/1";
    private const string RevocationList = StatusOrigin + "/revocations";

    [SkippableFact]
    public async Task Rdfc_RevokedCredentialWithCredentialStatusAsFullIri_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var signed = await RevokedInBitstringAsync(lab, world);
        signed["https://www.w3.org/2018/credentials#credentialStatus"] = signed["credentialStatus"]!.DeepClone();
        signed.Remove("credentialStatus");

        var report = await VerifyAsync(lab, signed);

        Expect.NotValid(report);
    }

    [SkippableFact]
    public async Task Rdfc_ExpiredCredentialWithValidUntilAsArray_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;
        var signed = await DiSign.RdfcAsync(W.Credential(issuerId: key.DidKey, url: null, validUntil: "2026-03-01T00:00:00Z"), key, key.DidKeyUrl);
        signed["validUntil"] = new JsonArray("2026-03-01T00:00:00Z");

        var report = await VerifyAsync(lab, signed);

        Expect.NotValid(report);
    }

    [SkippableFact]
    public async Task Rdfc_RevokedByIdWithIdRewrittenAsAtId_IsNotValid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var signed = await RevokedInRevocationListAsync(lab, world);
        signed["@id"] = signed["id"]!.DeepClone();
        signed.Remove("id");

        var report = await VerifyAsync(lab, signed);

        Expect.NotValid(report);

        // The signed id is in the revocation list: no check may conclude "not revoked".
        Expect.NoCheck(report, Ob3CheckIds.Status, CheckOutcome.Passed);
    }

    [SkippableFact]
    public async Task Rdfc_BlankNodeIdAddedToSubject_IsNotARecipient()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var signed = await WithHashedEmailSubjectAsync(world);
        signed["credentialSubject"]!["id"] = "_:b0";

        var report = await VerifyAsync(lab, signed, recipient: "_:b0");

        Expect.NotValid(report);
    }

    // ---- genuine twins ----

    [SkippableFact]
    public async Task Rdfc_GenuineRevokedInBitstring_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await VerifyAsync(lab, await RevokedInBitstringAsync(lab, world));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.Status, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Rdfc_GenuineExpired_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();
        var key = world.RealKey;

        var report = await VerifyAsync(lab, await DiSign.RdfcAsync(W.Credential(issuerId: key.DidKey, url: null, validUntil: "2026-03-01T00:00:00Z"), key, key.DidKeyUrl));

        Expect.Invalid(report);
        Expect.Check(report, Ob3CheckIds.ValidUntil, CheckOutcome.Failed);
    }

    [SkippableFact]
    public async Task Rdfc_GenuineRevokedInRevocationList_IsInvalid()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await VerifyAsync(lab, await RevokedInRevocationListAsync(lab, world));

        Expect.Invalid(report);
    }

    [SkippableFact]
    public async Task Rdfc_GenuineHashedEmailSubject_MatchesItsEmail()
    {
        await using var lab = await StartAsync();
        using var world = new W();

        var report = await VerifyAsync(lab, await WithHashedEmailSubjectAsync(world), recipient: "victim@example.org");

        Expect.Valid(report);
    }

    private static Task<VerificationReport> VerifyAsync(AttackLab lab, JsonObject credential, string? recipient = null) =>
        lab.TextAsync(credential.ToJsonString(), recipient: recipient, configure: o => o.Contexts.Path = DiSign.ContextsFolder());

    /// <summary>A did:key credential whose Bitstring entry 42 is set in its issuer's (JCS-signed) list.</summary>
    private static async Task<JsonObject> RevokedInBitstringAsync(AttackLab lab, W world)
    {
        var key = world.RealKey;
        lab.Serve(List, DiSign.Jcs(W.StatusList(List, key.DidKey, [42]), key, key.DidKeyUrl));
        var credential = W.WithStatus(W.Credential(issuerId: key.DidKey, url: null), W.StatusEntry(List, 42));
        return await DiSign.RdfcAsync(credential, key, key.DidKeyUrl);
    }

    /// <summary>A did:key credential listed by id in its issuer's 1EdTech revocation list.</summary>
    private static async Task<JsonObject> RevokedInRevocationListAsync(AttackLab lab, W world)
    {
        var key = world.RealKey;
        lab.Serve(RevocationList, new JsonObject
        {
            ["id"] = RevocationList,
            ["issuer"] = key.DidKey,
            ["revokedCredentials"] = new JsonArray(new JsonObject { ["id"] = W.CredentialId, ["revocationReason"] = "cheated" }),
        });
        var credential = W.WithStatus(W.Credential(issuerId: key.DidKey, url: null), new JsonObject { ["id"] = RevocationList, ["type"] = "1EdTechRevocationList" });
        credential["@context"]!.AsArray().Add("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
        return await DiSign.RdfcAsync(credential, key, key.DidKeyUrl);
    }

    /// <summary>A did:key credential whose subject has no id, only a hashed e-mail identifier.</summary>
    private static async Task<JsonObject> WithHashedEmailSubjectAsync(W world)
    {
        var key = world.RealKey;
        var credential = W.Credential(issuerId: key.DidKey, url: null);
        var subject = credential["credentialSubject"]!.AsObject();
        subject.Remove("id");
        var hash = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("victim@example.org" + "pepper")));
        subject["identifier"] = new JsonArray(new JsonObject
        {
            ["type"] = "IdentityObject",
            ["identityType"] = "emailAddress",
            ["hashed"] = true,
            ["identityHash"] = hash,
            ["salt"] = "pepper",
        });
        return await DiSign.RdfcAsync(credential, key, key.DidKeyUrl);
    }
}
