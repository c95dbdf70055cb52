using System.Text.Json;
using Verifier.Core.Engine;
using Verifier.Core.Images;
using Verifier.Core.Input;
using Verifier.Core.Proofs;
using Verifier.Core.Reporting;
using Verifier.Core.Status;
using Verifier.Core.Trust;

namespace Verifier.Core.OpenBadges3;

/// <summary>
/// Open Badges 3.0 / CLR 2.0 verification in the order of OB 3.0 §"OpenBadgeCredential Verification": conformance
/// (types, contexts, required properties, JSON schema), proof (VC-JWT here, embedded Data Integrity through
/// <see cref="IEmbeddedProofVerifier"/>), refresh, status and dates, recipient, then endorsements — each endorsement a
/// nested report.
/// </summary>
internal sealed class Ob3Verifier(
    VcJwtVerifier jwtVerifier,
    SchemaChecker schemas,
    StatusChecker status,
    RefreshCheck refresh,
    BadgeImageCheck images,
    IEnumerable<IEmbeddedProofVerifier> proofVerifiers) : IBadgeFamilyVerifier
{
    /// <summary>Endorsements of endorsements are followed this deep, no further (each level may fetch keys and lists).</summary>
    public const int MaxEndorsementDepth = 2;

    public const int MaxEndorsementsPerCredential = 16;

    private Func<ResolvedPayload, VerificationContext, CancellationToken, Task>? _nestedVerifier;

    public BadgeFamily Family => BadgeFamily.OpenBadges3;

    /// <summary>Verifies a nested credential (CLR member, refreshed credential) as if submitted alone; made once.</summary>
    private Func<ResolvedPayload, VerificationContext, CancellationToken, Task> NestedVerifier => _nestedVerifier ??= (p, c, t) => VerifyAsync(p, c, 0, t);

    public Task VerifyAsync(ResolvedPayload payload, VerificationContext context, CancellationToken cancellationToken) =>
        VerifyAsync(payload, context, 0, cancellationToken);

    private async Task VerifyAsync(ResolvedPayload payload, VerificationContext context, int depth, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        context.OpenBadgesVersion = "3.0";
        JsonDocument? owned = null;
        try
        {
            Credential credential;
            bool proofOk;
            DateTimeOffset? jwtExp = null;
            IssuerBindingResult? binding;
            switch (payload.Kind)
            {
                case PayloadKind.Jws:
                    var outcome = await jwtVerifier.VerifyAsync(payload.Text, payload.Parsed, context, null, ct).ConfigureAwait(false);
                    owned = outcome.Payload;
                    context.Verification = new VerificationInfo { Method = "signed", KeyId = outcome.KeyId ?? (outcome.Algorithm is null ? null : "jwk"), Algorithm = outcome.Algorithm, IssuerKeyBound = outcome.SignatureValid ? outcome.IssuerKeyBound : null };
                    if (outcome.Credential is not { } fromJwt)
                    {
                        // A payload refused as ambiguous (presentation, two credentials) was reported by the verifier.
                        if (owned is not null && !context.Checks.Snapshot().Any(c => c.Id == Ob3CheckIds.Parse && c.Outcome == CheckOutcome.Failed))
                        {
                            context.Checks.Fail(Ob3CheckIds.Parse, "the JWT payload carries no credential (neither a vc claim nor a credential with @context)");
                        }

                        return;
                    }

                    // One Credential for the claims comparison and every later check: its dates are parsed once.
                    credential = new Credential(fromJwt);
                    proofOk = outcome.SignatureValid;
                    binding = outcome.Binding;
                    JwtClaimsCheck.Run(owned!.RootElement, credential, context, null);
                    jwtExp = JwtClaimsCheck.Exp(owned.RootElement);
                    break;
                case PayloadKind.Json:
                    string? parseError = null;
                    owned = payload.Parsed ?? StrictJson.Parse(payload.Text, out parseError);
                    if (owned is null)
                    {
                        context.Checks.Fail(Ob3CheckIds.Parse, $"the credential cannot be read: {parseError}");
                        return;
                    }

                    var root = owned.RootElement;
                    if (root.ValueKind != JsonValueKind.Object)
                    {
                        context.Checks.Fail(Ob3CheckIds.Parse, "the credential is not a JSON object");
                        return;
                    }

                    if (Credential.Strings(root, "type").Contains("VerifiablePresentation"))
                    {
                        // A holder's envelope, not a credential: as for a VC-JWT's vp claim, the verifier never picks one
                        // of the credentials inside for the caller (each is verified on its own, with its own proof).
                        context.Checks.Fail(Ob3CheckIds.Parse, $"this is a VerifiablePresentation carrying {Credential.Items(root, "verifiableCredential").Count} credential(s), not a credential: verify each credential of its verifiableCredential on its own (presentations and their holder proofs are not verified by this verifier)");
                        return;
                    }

                    if (CredentialEnvelope.IsEnvelope(root))
                    {
                        // The shell is unsigned: only the token inside is verified, as if it had been submitted.
                        var (jwt, problem) = CredentialEnvelope.Open(root);
                        if (jwt is null)
                        {
                            context.Checks.Fail(Ob3CheckIds.Envelope, $"an {CredentialEnvelope.Type} (VCDM 2.0 §4.13), but {problem}");
                            return;
                        }

                        context.Checks.Pass(Ob3CheckIds.Envelope, $"an {CredentialEnvelope.Type} (VCDM 2.0 §4.13) carrying a VC-JWT: the token inside is what is verified");
                        await VerifyAsync(new ResolvedPayload(PayloadKind.Jws, jwt, BadgeFamily.OpenBadges3), context, depth, ct).ConfigureAwait(false);
                        return;
                    }

                    credential = new Credential(root);
                    (proofOk, binding) = await EmbeddedProofAsync(credential, context, ct).ConfigureAwait(false);
                    break;
                default:
                    context.Checks.Fail(Ob3CheckIds.Parse, "an Open Badges 3.0 credential is JSON or a VC-JWT");
                    return;
            }

            IssuerReport.Set(context, binding, credential.IssuerId, Credential.Str(credential.Issuer, "name"), Credential.Str(credential.Issuer, "url"));
            await VerifyCredentialAsync(credential, proofOk, jwtExp, context, depth, ct).ConfigureAwait(false);
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private async Task VerifyCredentialAsync(Credential credential, bool proofOk, DateTimeOffset? jwtExp, VerificationContext context, int depth, CancellationToken ct)
    {
        // The badge image of the credential as submitted is looked at beside the other checks (ob3.image).
        var image = depth == 0 && context.NestedAs is null ? images.InspectAsync(AchievementImage(credential), ct) : null;
        var kind = StructureChecks.CheckType(credential, context);
        if (depth > 0 && kind is not null and not "EndorsementCredential")
        {
            context.Checks.Fail(Ob3CheckIds.Type, $"an endorsement must be an EndorsementCredential, not a {kind}");
        }

        AttachedToCheck.Run(credential, context);
        StructureChecks.CheckContext(credential, kind, context);
        if (kind is not null)
        {
            StructureChecks.CheckProperties(credential, kind, context);
        }

        await schemas.CheckAsync(credential, proofOk, context, ct).ConfigureAwait(false);
        if (proofOk && depth == 0)
        {
            await refresh.RunAsync(credential, context, NestedVerifier, ct).ConfigureAwait(false);
        }

        await status.CheckAsync(credential, context, ct).ConfigureAwait(false);
        DateChecks.Run(credential, jwtExp, context);
        if (depth == 0)
        {
            RecipientCheck.Run(credential, context);
        }

        context.Badge = SummaryBuilder.Build(credential, jwtExp, kind);
        if (image is not null)
        {
            // OB 3.0 sets no format for the Achievement image (PNG or SVG is required of the issuer's and the
            // subject's images, and only those can be baked), so another format is a warning, not a conformance error.
            BadgeImageCheck.Record(await image.ConfigureAwait(false), context.Checks, Ob3CheckIds.Image,
                "badge images are PNG or SVG so that they can be baked (OB 3.0 Document Formats, Baked Badge)", required: false);
        }

        await EndorsementsAsync(credential, context, depth, ct).ConfigureAwait(false);
        if (kind == "ClrCredential" || context.NestedAs is not null)
        {
            await ClrCredentialsCheck.RunAsync(credential, kind, context, NestedVerifier, ct).ConfigureAwait(false);
        }
    }

    private static string? AchievementImage(Credential credential) =>
        credential.Achievement is { ValueKind: JsonValueKind.Object } a && a.TryGetProperty("image", out var image) ? BadgeImageCheck.ImageId(image) : null;

    /// <summary>Embedded proofs belong to the Data Integrity verifier; without one the outcome cannot be valid.</summary>
    private async Task<(bool Valid, IssuerBindingResult? Binding)> EmbeddedProofAsync(Credential credential, VerificationContext context, CancellationToken ct)
    {
        var root = credential.Root;
        if (!root.TryGetProperty("proof", out _))
        {
            context.Verification = new VerificationInfo { Method = "none" };
            context.Checks.Fail(Ob3CheckIds.Proof, "the credential has no proof: neither an embedded proof nor a VC-JWT (OB 3.0 §8: at least one proof MUST be expressed)");
            return (false, null);
        }

        var verifier = proofVerifiers.FirstOrDefault();
        if (verifier is null)
        {
            context.Verification = new VerificationInfo { Method = "proof" };
            context.Checks.Indeterminate(Ob3CheckIds.Proof, "skipped: embedded Data Integrity proofs are not verified yet by this verifier, so the credential's authenticity is unknown");
            return (false, null);
        }

        var outcome = await verifier.VerifyAsync(root, credential.IssuerId, context, ct).ConfigureAwait(false);
        context.Verification = new VerificationInfo
        {
            Method = "proof",
            KeyId = outcome.VerificationMethod,
            Algorithm = outcome.Cryptosuite,
            IssuerKeyBound = outcome.AnyValid ? outcome.IssuerKeyBound : null,
        };
        if (!outcome.AnyValid && !context.Checks.HasErrors)
        {
            // The proof verifier reports each proof itself; this guarantees a credential with no valid proof is never valid.
            context.Checks.Fail(Ob3CheckIds.Proof, "no embedded proof of the credential verified");
        }

        return (outcome.AnyValid, outcome.Binding);
    }

    private async Task EndorsementsAsync(Credential credential, VerificationContext context, int depth, CancellationToken ct)
    {
        var found = EndorsementFinder.Find(credential);
        if (found.Count == 0)
        {
            return;
        }

        if (depth >= MaxEndorsementDepth)
        {
            context.Checks.Skip(Ob3CheckIds.Endorsement, $"{found.Count} endorsement(s) not verified: endorsements are followed {MaxEndorsementDepth} levels deep");
            return;
        }

        foreach (var (kind, text, where, holderId) in found.Take(MaxEndorsementsPerCredential))
        {
            var holder = where[..where.LastIndexOf(".endorsement", StringComparison.Ordinal)];
            var nested = context.Nested(
                VerificationInput.FromText(text),
                new InputInfo { Kind = "text", Format = kind == PayloadKind.Jws ? "jws" : "json", EmbeddedIn = where, PayloadKind = kind == PayloadKind.Jws ? "jws" : "json" },
                nestedAs: null,
                keepRecipient: false,
                new AttachedTo($"an endorsement of the {holder}") { SubjectId = holderId ?? $"(the {holder} has no id, so nothing identifies what is endorsed)" });
            await VerifyAsync(new ResolvedPayload(kind, text, BadgeFamily.OpenBadges3), nested, depth + 1, ct).ConfigureAwait(false);
            NestedWarnings.RecordEndorsement(context, Ob3CheckIds.Endorsement, nested.ToReport(), where);
        }

        if (found.Count > MaxEndorsementsPerCredential)
        {
            context.Checks.Skip(Ob3CheckIds.Endorsement, $"{found.Count - MaxEndorsementsPerCredential} further endorsement(s) not verified (at most {MaxEndorsementsPerCredential} are)");
        }
    }
}
