using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Verifier.SampleMaker;

/// <summary>The unsigned documents of the samples: OB 3.0 credentials about one learner, an endorsement, a CLR.</summary>
internal static class Credentials
{
    public const string V2 = "https://www.w3.org/ns/credentials/v2";
    public const string Ob3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public const string Clr2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";

    /// <summary>The learner the samples are awarded to; the credentials carry only a salted hash of it.</summary>
    public const string Email = "ada@example.org";

    private const string Salt = "verifier-samples";

    public static JsonObject Achievement(string id, string name, string description, string narrative) => new()
    {
        ["id"] = id,
        ["type"] = new JsonArray("Achievement"),
        ["name"] = name,
        ["description"] = description,
        ["criteria"] = new JsonObject { ["narrative"] = narrative },
        ["image"] = new JsonObject { ["id"] = Images.SvgDataUri(), ["type"] = "Image" },
    };

    public static JsonObject Credential(string id, string type, JsonObject issuer, JsonObject achievement, string validFrom, string? validUntil = null)
    {
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray(V2, Ob3),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", type),
            ["issuer"] = issuer.DeepClone(),
            ["name"] = achievement["name"]!.DeepClone(),
            ["validFrom"] = validFrom,
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(Identifier()),
                ["achievement"] = achievement.DeepClone(),
            },
        };
        if (validUntil is not null)
        {
            credential["validUntil"] = validUntil;
        }

        return credential;
    }

    public static JsonObject Issuer(string id, string name) => new()
    {
        ["id"] = id,
        ["type"] = new JsonArray("Profile"),
        ["name"] = name,
    };

    /// <summary>An endorsement of an achievement (OB 3.0 §B.1.17): its subject is the achievement's id (rule 6).</summary>
    public static JsonObject Endorsement(string id, JsonObject endorser, string achievementId, string comment, string validFrom) => new()
    {
        ["@context"] = new JsonArray(V2, Ob3),
        ["id"] = id,
        ["type"] = new JsonArray("VerifiableCredential", "EndorsementCredential"),
        ["issuer"] = endorser.DeepClone(),
        ["name"] = "Endorsement of a Verifier sample achievement",
        ["validFrom"] = validFrom,
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = achievementId,
            ["type"] = new JsonArray("EndorsementSubject"),
            ["endorsementComment"] = comment,
        },
    };

    /// <summary>A CLR 2.0 ClrCredential holding signed AchievementCredentials about the same learner (rule 6).</summary>
    public static JsonObject Clr(string id, JsonObject issuer, string name, string validFrom, params JsonObject[] members) => new()
    {
        ["@context"] = new JsonArray(V2, Clr2, Ob3),
        ["id"] = id,
        ["type"] = new JsonArray("VerifiableCredential", "ClrCredential"),
        ["issuer"] = issuer.DeepClone(),
        ["name"] = name,
        ["description"] = "A learner record holding two achievements, each signed on its own.",
        ["validFrom"] = validFrom,
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("ClrSubject"),
            ["identifier"] = new JsonArray(Identifier()),
            ["verifiableCredential"] = new JsonArray([.. members]),
        },
    };

    /// <summary>OB 3.0 §B.1.14 IdentityObject: the e-mail address hashed with a salt, as issuers usually publish it.</summary>
    private static JsonObject Identifier() => new()
    {
        ["type"] = "IdentityObject",
        ["identityHash"] = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Email + Salt))),
        ["identityType"] = "emailAddress",
        ["hashed"] = true,
        ["salt"] = Salt,
    };
}
