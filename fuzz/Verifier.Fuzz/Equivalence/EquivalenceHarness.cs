using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;
using Verifier.Core.Fetching;
using Verifier.Core.Input;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;
using Verifier.LinkedData.Contexts;
using Verifier.LinkedData.JsonLd;

namespace Verifier.Fuzz.Equivalence;

/// <summary>
/// The JSON-LD-equivalence property (rule 5: the checks read what the proof signs): genuine OB 3.0 credentials signed
/// here with eddsa-rdfc-2022 by a did:key issuer (valid, revoked through a signed Bitstring status list, expired),
/// rewritten by <see cref="EquivalenceMutator"/> and verified by the whole engine. Whenever the proof still verifies,
/// the report must say what it said about the genuine credential: the verdict no more permissive, every failed
/// status/date check still failed, the security values (id, issuer, dates, issuer block, status outcomes of a valid
/// verdict) unchanged, and display values unchanged or withheld (null) — never replaced by another value.
/// Contexts come from a folder (../shared/contexts); fetches are answered from memory.
/// </summary>
internal sealed class EquivalenceHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private const string ListUrl = "https://issuer.example/status/1";

    private static readonly string[] SecurityChecks = ["ob3.status", "ob3.status.list", "ob3.valid-from", "ob3.valid-until"];

    private readonly ServiceProvider services;
    private readonly BadgeVerifier engine;
    private readonly DidKeyIssuer issuer;

    private EquivalenceHarness(ServiceProvider services, DidKeyIssuer issuer, List<Genuine> genuine)
    {
        this.services = services;
        engine = services.GetRequiredService<BadgeVerifier>();
        this.issuer = issuer;
        Credentials = genuine;
    }

    public IReadOnlyList<Genuine> Credentials { get; }

    /// <param name="contexts">A folder of context documents with an index.json (../shared/contexts).</param>
    /// <param name="audit">False swaps in a converter that never audits, to show what the audit catches.</param>
    public static async Task<EquivalenceHarness> CreateAsync(string contexts, bool audit = true)
    {
        var processor = new JsonLdProcessor(new PinnedContextLoader(FolderContextLoader.Open(contexts), PinnedContexts.Default));
        var issuer = DidKeyIssuer.Ed25519();
        var fetcher = new MemoryFetcher();
        fetcher.Add(ListUrl, (await issuer.SignAsync(StatusList(issuer.Did), processor)).ToJsonString());

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IDocumentFetcher>(fetcher);
        if (!audit)
        {
            collection.AddSingleton<ILinkedDataConverter>(sp => new UnauditedConverter(new JsonLdLinkedDataConverter(new JsonLdProcessor(sp.GetRequiredService<IContextLoader>()))));
        }

        collection.AddVerifierEngine();
        collection.Configure<VerifierOptions>(o => o.Contexts.Path = contexts);
        var provider = collection.BuildServiceProvider();
        var engine = provider.GetRequiredService<BadgeVerifier>();

        var genuine = new List<Genuine>();
        foreach (var (name, index, until) in new[] { ("valid", 3, "2030-01-01T00:00:00Z"), ("revoked", 7, "2030-01-01T00:00:00Z"), ("expired", 3, "2026-02-01T00:00:00Z") })
        {
            var signed = await issuer.SignAsync(Credential(issuer.Did, index, until), processor);
            var report = await VerifyAsync(engine, signed.ToJsonString());
            genuine.Add(new Genuine(name, signed, report));
        }

        return new EquivalenceHarness(provider, issuer, genuine);
    }

    /// <summary>One input: which genuine credential, then the mutator's choices. Never throws for a bad input.</summary>
    public async Task<MutationOutcome> CheckAsync(ReadOnlyMemory<byte> input)
    {
        var choices = new ChoiceStream(input);
        var genuine = Credentials[choices.Next(Credentials.Count)];
        var (text, applied) = EquivalenceMutator.Mutate(genuine.Signed, choices);
        var report = await VerifyAsync(engine, text);
        var proofValid = report.Checks.Any(c => c.Id == ProofCheckIds.DataIntegrity && c.Outcome == CheckOutcome.Passed);
        return new MutationOutcome(genuine.Name, applied, text, proofValid, report.Outcome, proofValid ? Differences(genuine.Report, report) : []);
    }

    public void Dispose()
    {
        services.Dispose();
        issuer.Dispose();
    }

    /// <summary>Where the mutated report says something the genuine one did not (see the class summary).</summary>
    public static List<string> Differences(VerificationReport genuine, VerificationReport mutated)
    {
        var found = new List<string>();
        var valid = mutated.Outcome == VerificationOutcome.Valid;
        if (valid && genuine.Outcome != VerificationOutcome.Valid)
        {
            found.Add($"verdict Valid where the genuine credential is {genuine.Outcome}");
        }

        // A failure that no longer shows matters only when the mutated credential is not refused for another reason
        // (an issuer written as an array is refused as a foreign status list before the bit is read: still invalid).
        foreach (var id in SecurityChecks)
        {
            if (Failed(genuine, id) && !Failed(mutated, id) && mutated.Outcome != VerificationOutcome.Invalid)
            {
                found.Add($"{id} no longer fails");
            }
        }

        if (valid && !Outcomes(genuine, "ob3.status").SequenceEqual(Outcomes(mutated, "ob3.status")))
        {
            found.Add("status outcomes differ");
        }

        var (g, m) = (genuine.Badge ?? new BadgeSummary(), mutated.Badge ?? new BadgeSummary());
        Security(found, valid, "id", g.Id, m.Id);
        Security(found, valid, "issuerId", g.IssuerId, m.IssuerId);
        Security(found, valid, "issuedOn", g.IssuedOn, m.IssuedOn);
        Security(found, valid, "expires", g.Expires, m.Expires);
        Security(found, valid, "issuer block id", genuine.Issuer?.Id, mutated.Issuer?.Id);
        Display(found, "name", g.Name, m.Name);
        Display(found, "description", g.Description, m.Description);
        Display(found, "image", g.Image, m.Image);
        Display(found, "criteria", g.Criteria, m.Criteria);
        Display(found, "issuerName", g.IssuerName, m.IssuerName);
        Display(found, "issuerUrl", g.IssuerUrl, m.IssuerUrl);
        Display(found, "recipient", g.Recipient, m.Recipient);
        Display(found, "evidence", Join(g.Evidence), Join(m.Evidence));
        return found;
    }

    private static bool Failed(VerificationReport report, string id) => report.Checks.Any(c => c.Id == id && c.Outcome == CheckOutcome.Failed);

    private static IEnumerable<CheckOutcome> Outcomes(VerificationReport report, string id) => report.Checks.Where(c => c.Id == id).Select(c => c.Outcome);

    private static string? Join(IReadOnlyList<string>? values) => values is null ? null : string.Join("\n", values);

    /// <summary>Security values: the same, or withheld when the verdict is not valid anyway.</summary>
    private static void Security<T>(List<string> found, bool valid, string name, T genuine, T mutated)
    {
        if (!EqualityComparer<T>.Default.Equals(genuine, mutated) && (valid || mutated is not null))
        {
            found.Add($"{name}: '{genuine}' became '{mutated}'");
        }
    }

    /// <summary>Display values: the same, or withheld; never another value.</summary>
    private static void Display(List<string> found, string name, string? genuine, string? mutated)
    {
        if (mutated is not null && mutated != genuine)
        {
            found.Add($"{name}: '{genuine}' became '{mutated}'");
        }
    }

    private static Task<VerificationReport> VerifyAsync(BadgeVerifier engine, string text) =>
        engine.VerifyAsync(new VerificationRequest { Input = VerificationInput.FromText(text), At = Now });

    private static JsonObject Credential(string issuerDid, int statusIndex, string validUntil) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ["id"] = $"urn:uuid:00000000-0000-4000-8000-{statusIndex:D4}{validUntil[..4]}0000",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["issuer"] = new JsonObject { ["id"] = issuerDid, ["type"] = new JsonArray("Profile"), ["name"] = "Example Issuer", ["url"] = "https://issuer.example" },
        ["name"] = "Teamwork Badge",
        ["description"] = "A badge for teamwork.",
        ["validFrom"] = "2026-01-01T00:00:00Z",
        ["validUntil"] = validUntil,
        ["credentialSubject"] = new JsonObject
        {
            ["id"] = "did:example:learner-1",
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
        ["credentialStatus"] = new JsonObject
        {
            ["id"] = $"{ListUrl}#{statusIndex}",
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = statusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = ListUrl,
        },
    };

    /// <summary>A revocation list of 131,072 entries (the Bitstring Status List minimum) with entry 7 set.</summary>
    private static JsonObject StatusList(string issuerDid) => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["id"] = ListUrl,
        ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
        ["issuer"] = issuerDid,
        ["validFrom"] = "2026-01-01T00:00:00Z",
        ["credentialSubject"] = new JsonObject { ["id"] = ListUrl + "#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = "revocation", ["encodedList"] = EncodedList(131072, 7) },
    };

    /// <summary>GZIP'd bitstring, multibase base64url (Bitstring Status List §3.1; index 0 is the first bit).</summary>
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

        return "u" + Convert.ToBase64String(buffer.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

/// <param name="Name">Which genuine credential (valid, revoked, expired).</param>
internal sealed record Genuine(string Name, JsonObject Signed, VerificationReport Report);

/// <param name="Differences">What the report says differently from the genuine one; only computed when the proof verified.</param>
internal sealed record MutationOutcome(string Credential, IReadOnlyList<string> Applied, string Text, bool ProofValid, VerificationOutcome Outcome, IReadOnlyList<string> Differences)
{
    /// <summary>The property is broken: the proof verifies and the report says something else.</summary>
    public bool Broken => ProofValid && Differences.Count > 0;
}

/// <summary>
/// A converter that never audits and says every document is plain (an empty audit; a missing one is refused):
/// what the engine would accept without the plain-form rule.
/// </summary>
internal sealed class UnauditedConverter(ILinkedDataConverter inner) : ILinkedDataConverter
{
    public ValueTask<RdfConversion> ToRdfAsync(JsonElement document, CancellationToken cancellationToken) => inner.ToRdfAsync(document, cancellationToken);

    public async ValueTask<RdfConversion> ToRdfAuditedAsync(JsonElement document, CancellationToken cancellationToken) =>
        await inner.ToRdfAsync(document, cancellationToken) with { PlainForm = new PlainFormAudit() };
}
