namespace Verifier.Benchmarks.LinkedData;

/// <summary>The benchmark's own context (shaped like OB 3.0: protected, type-scoped, @id/@json/dateTime terms) and a ~3 KB credential.</summary>
internal static class JsonLdBenchmarkData
{
    public const string ContextUrl = "https://bench.test/ob-like/v1";

    public const string Context = """
        {
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
            "name": "https://schema.org/name",
            "description": "https://schema.org/description",
            "OpenBadgeCredential": {
              "@id": "https://bench.test/vocab#OpenBadgeCredential",
              "@context": {
                "@protected": true,
                "issuer": {"@id": "https://bench.test/cred#issuer", "@type": "@id"},
                "validFrom": {"@id": "https://bench.test/cred#validFrom", "@type": "xsd:dateTime"},
                "validUntil": {"@id": "https://bench.test/cred#validUntil", "@type": "xsd:dateTime"},
                "credentialSubject": {"@id": "https://bench.test/cred#credentialSubject", "@type": "@id"},
                "credentialStatus": {"@id": "https://bench.test/cred#credentialStatus", "@type": "@id"},
                "evidence": {"@id": "https://bench.test/cred#evidence", "@type": "@id"}
              }
            },
            "Profile": {
              "@id": "https://bench.test/vocab#Profile",
              "@context": {
                "@protected": true,
                "url": {"@id": "https://bench.test/vocab#url", "@type": "xsd:anyURI"},
                "email": {"@id": "https://bench.test/vocab#email"},
                "image": {"@id": "https://bench.test/vocab#image", "@type": "@id"}
              }
            },
            "AchievementSubject": {
              "@id": "https://bench.test/vocab#AchievementSubject",
              "@context": {
                "@protected": true,
                "achievement": {"@id": "https://bench.test/vocab#achievement", "@type": "@id"},
                "result": {"@id": "https://bench.test/vocab#result", "@type": "@id"},
                "creditsEarned": {"@id": "https://bench.test/vocab#creditsEarned", "@type": "xsd:float"}
              }
            },
            "Achievement": {
              "@id": "https://bench.test/vocab#Achievement",
              "@context": {
                "@protected": true,
                "criteria": {"@id": "https://bench.test/vocab#criteria", "@type": "@id"},
                "alignment": {"@id": "https://bench.test/vocab#alignment", "@type": "@id"},
                "tag": {"@id": "https://bench.test/vocab#tag", "@container": "@set"},
                "achievementType": {"@id": "https://bench.test/vocab#achievementType", "@type": "xsd:string"}
              }
            },
            "Criteria": {"@id": "https://bench.test/vocab#Criteria"},
            "narrative": {"@id": "https://bench.test/vocab#narrative"},
            "Alignment": {
              "@id": "https://bench.test/vocab#Alignment",
              "@context": {
                "@protected": true,
                "targetName": {"@id": "https://bench.test/vocab#targetName"},
                "targetUrl": {"@id": "https://bench.test/vocab#targetUrl", "@type": "xsd:anyURI"},
                "targetFramework": {"@id": "https://bench.test/vocab#targetFramework"}
              }
            },
            "Result": {
              "@id": "https://bench.test/vocab#Result",
              "@context": {
                "@protected": true,
                "value": {"@id": "https://bench.test/vocab#value"},
                "status": {"@id": "https://bench.test/vocab#status", "@type": "@vocab"},
                "extra": {"@id": "https://bench.test/vocab#extra", "@type": "@json"}
              }
            },
            "Evidence": {"@id": "https://bench.test/vocab#Evidence"},
            "Completed": "https://bench.test/vocab#Completed",
            "proof": {"@id": "https://bench.test/sec#proof", "@type": "@id", "@container": "@graph"}
          }
        }
        """;

    public const string Credential = """
        {
          "@context": ["https://bench.test/ob-like/v1"],
          "id": "urn:uuid:a63a60be-f4af-491c-87fc-2c8fd3007a58",
          "type": ["OpenBadgeCredential"],
          "name": "Benchmark Badge",
          "description": "A credential shaped like an Open Badges 3.0 credential, used to measure expansion and toRdf.",
          "issuer": {
            "id": "https://issuer.bench.test/issuers/565049",
            "type": ["Profile"],
            "name": "Example University",
            "url": "https://issuer.bench.test",
            "email": "registrar@issuer.bench.test",
            "image": "https://issuer.bench.test/logo.png"
          },
          "validFrom": "2024-01-01T00:00:00Z",
          "validUntil": "2030-01-01T00:00:00Z",
          "credentialSubject": {
            "id": "did:example:ebfeb1f712ebc6f1c276e12ec21",
            "type": ["AchievementSubject"],
            "creditsEarned": 12.5,
            "achievement": {
              "id": "https://issuer.bench.test/achievements/teamwork",
              "type": ["Achievement"],
              "name": "Teamwork",
              "achievementType": "Competency",
              "description": "Recognizes the development of the capacity to collaborate within a group environment.",
              "criteria": {"type": "Criteria", "narrative": "Team members are nominated for this badge by their peers and recognized upon review by management."},
              "tag": ["teamwork", "collaboration", "communication", "leadership"],
              "alignment": [
                {"type": ["Alignment"], "targetName": "Collaboration", "targetUrl": "https://framework.bench.test/c/1", "targetFramework": "Skills Framework"},
                {"type": ["Alignment"], "targetName": "Communication", "targetUrl": "https://framework.bench.test/c/2", "targetFramework": "Skills Framework"},
                {"type": ["Alignment"], "targetName": "Leadership", "targetUrl": "https://framework.bench.test/c/3", "targetFramework": "Skills Framework"}
              ]
            },
            "result": [
              {"type": ["Result"], "value": "A", "status": "Completed", "extra": {"grade": "A", "points": [98, 97.5]}},
              {"type": ["Result"], "value": "Pass", "status": "Completed"}
            ]
          },
          "evidence": [
            {"id": "https://issuer.bench.test/evidence/1", "type": ["Evidence"], "name": "Project report", "description": "Final report of the team project."},
            {"id": "https://issuer.bench.test/evidence/2", "type": ["Evidence"], "name": "Peer review", "description": "Peer nominations collected in the course."}
          ]
        }
        """;
}
