using System.Buffers;
using System.Text.Json;

namespace Verifier.Core.Proofs.Suites;

/// <summary>
/// Builds the two inputs every suite hashes (VC Data Integrity §4.2 Verify Proof; vc-di-eddsa §3.3.2): the unsecured
/// document (the credential without <c>proof</c>) and the proof configuration (the proof without <c>proofValue</c>,
/// carrying the document's <c>@context</c>).
/// </summary>
internal static class ProofDocuments
{
    public static JsonElement Unsecured(JsonElement secured) => Rewrite(secured, static n => n == "proof", null, default);

    /// <summary>
    /// The unsecured document for one proof. A proof in a chain (<c>previousProof</c>, VC Data Integrity §2.1.3) signed
    /// the document together with the proofs it names, so those stay as the document's <c>proof</c> (an array); a
    /// named proof missing from the set is an error.
    /// </summary>
    public static JsonElement? Unsecured(JsonElement secured, JsonElement proof, out string? error)
    {
        error = null;
        if (!proof.TryGetProperty("previousProof", out var previous))
        {
            return Unsecured(secured);
        }

        var wanted = previous.ValueKind == JsonValueKind.Array
            ? previous.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : null).ToList()
            : [previous.ValueKind == JsonValueKind.String ? previous.GetString() : null];
        var set = secured.TryGetProperty("proof", out var all) && all.ValueKind == JsonValueKind.Array ? [.. all.EnumerateArray()] : new List<JsonElement>();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var id in wanted)
            {
                var match = set.FindIndex(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("id", out var pid) && pid.ValueKind == JsonValueKind.String && pid.GetString() == id);
                if (id is null || match < 0)
                {
                    error = $"previousProof names '{id}', which is not a proof of this credential";
                    return null;
                }

                set[match].WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        return Rewrite(secured, static n => n == "proof", "proof", JsonElement.Parse(buffer.WrittenSpan));
    }

    /// <summary>
    /// The proof configuration. When the proof has its own @context the document's must start with the same values
    /// in order (vc-di-eddsa §3.3.2 step 4); otherwise verification fails and <paramref name="error"/> says why.
    /// </summary>
    public static JsonElement? ProofConfig(JsonElement secured, JsonElement proof, out string? error) =>
        ProofConfig(secured, proof, ownContext: false, detachedJws: false, out error);

    /// <summary>
    /// The proof configuration; with <paramref name="ownContext"/> (the legacy Ed25519Signature2020 suite) a proof's
    /// own @context is kept. Issuers of that generation (didkit / ssi) put the suite context on the proof rather than
    /// on the credential and sign the proof options read with the credential's contexts and then the proof's own, as
    /// JSON-LD reads a node that carries its own context; jsonld-signatures reads them with the proof's context alone.
    /// Both give the same graph for the suite's terms, which the proof's context defines. vc-di-eddsa's appendix
    /// (Proof Configuration (Ed25519Signature2020)) only says to set the configuration's @context to the document's,
    /// which leaves these terms undefined. Only context URLs are accepted there (each must also be pinned): an inline
    /// definition could give the signed proof options another meaning than the JSON the checks read.
    /// </summary>
    /// <remarks>
    /// With <paramref name="detachedJws"/> (Ed25519Signature2018) the signature is the proof's <c>jws</c>, which the
    /// proof options leave out, as jsonld-signatures leaves out jws, signatureValue and proofValue.
    /// </remarks>
    public static JsonElement? ProofConfig(JsonElement secured, JsonElement proof, bool ownContext, bool detachedJws, out string? error)
    {
        error = null;
        Func<string, bool> drop = detachedJws
            ? static n => n is "jws" or "signatureValue" or "proofValue" or "@context"
            : static n => n is "proofValue" or "@context";
        var hasDocContext = secured.TryGetProperty("@context", out var docContext);
        if (!proof.TryGetProperty("@context", out var proofContext))
        {
            return Rewrite(proof, drop, hasDocContext ? "@context" : null, docContext);
        }

        if (StartsWith(docContext, proofContext))
        {
            return Rewrite(proof, drop, hasDocContext ? "@context" : null, docContext);
        }

        if (!ownContext)
        {
            error = "the proof's @context is not a prefix of the credential's @context";
            return null;
        }

        if (AsList(proofContext).Any(c => c.ValueKind != JsonValueKind.String))
        {
            error = "the proof's own @context may only name contexts by URL, not define terms inline";
            return null;
        }

        return Rewrite(proof, drop, "@context", Combined(docContext, proofContext));
    }

    /// <summary>The document's contexts, then the proof's own ones the document does not already name.</summary>
    private static JsonElement Combined(JsonElement docContext, JsonElement proofContext)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            var doc = AsList(docContext);
            foreach (var entry in doc)
            {
                entry.WriteTo(writer);
            }

            foreach (var entry in AsList(proofContext))
            {
                if (!doc.Exists(d => JsonElement.DeepEquals(d, entry)))
                {
                    entry.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }

    private static bool StartsWith(JsonElement docContext, JsonElement proofContext)
    {
        var doc = AsList(docContext);
        var prefix = AsList(proofContext);
        if (prefix.Count > doc.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            if (!JsonElement.DeepEquals(prefix[i], doc[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static List<JsonElement> AsList(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray()],
        JsonValueKind.Undefined => [],
        _ => [value],
    };

    /// <summary>A copy of an object without the dropped members, with one member set first when named.</summary>
    private static JsonElement Rewrite(JsonElement obj, Func<string, bool> drop, string? setName, JsonElement setValue)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (setName is not null)
            {
                writer.WritePropertyName(setName);
                setValue.WriteTo(writer);
            }

            foreach (var member in obj.EnumerateObject())
            {
                if (!drop(member.Name) && member.Name != setName)
                {
                    member.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(buffer.WrittenSpan);
    }
}
