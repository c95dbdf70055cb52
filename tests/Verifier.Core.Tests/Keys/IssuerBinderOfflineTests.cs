using Verifier.Core.Trust;

namespace Verifier.Core.Tests.Keys;

/// <summary>The binder's decisions that need no issuer document (TestBinder.Offline answers 404 for every document).</summary>
public class IssuerBinderOfflineTests
{
    private static ResolvedKey Key(string id, string? controller = null, bool? listed = null, KeySource source = KeySource.KeyDocument, string? servedFrom = null) =>
        new() { Id = id, Kind = KeyKind.Ed25519, Jwk = new JsonWebKey(), Controller = controller, ListedForAssertion = listed, Source = source, DocumentUrl = servedFrom is null ? null : new Uri(servedFrom) };

    private static ValueTask<IssuerBindingResult> Evaluate(string? issuer, string? keyId, ResolvedKey? key, string? iss = null) =>
        TestBinder.Offline.EvaluateAsync(issuer, keyId, key, iss, CancellationToken.None);

    [Fact]
    public async Task EvaluateAsync_IssMismatch_IsContradiction() =>
        Assert.Equal(BindingLevel.Contradiction, (await Evaluate("https://a.example/i", "https://a.example/k", Key("https://a.example/k"), "https://b.example/i")).Level);

    [Fact]
    public async Task EvaluateAsync_KeyDocumentControlledBySomeoneElse_IsContradiction() =>
        Assert.Equal(BindingLevel.Contradiction, (await Evaluate("https://a.example/i", "https://a.example/k", Key("https://a.example/k", "https://b.example/i", servedFrom: "https://a.example/k"))).Level);

    [Fact]
    public async Task EvaluateAsync_KeyServedFromIssuerOriginWithoutIssuerDocument_IsOriginLevel()
    {
        var result = await Evaluate("https://a.example/i", "https://a.example/keys/1", Key("https://a.example/keys/1", servedFrom: "https://a.example/keys/1"));

        Assert.Equal(BindingLevel.Origin, result.Level);
        Assert.Equal("issuer-origin", result.VerifiedBy);
    }

    [Fact]
    public async Task EvaluateAsync_KeyOnIssuerOriginButServedElsewhere_IsUnproven() =>
        Assert.Equal(BindingLevel.Unproven, (await Evaluate("https://a.example/i", "https://a.example/keys/1", Key("https://a.example/keys/1", servedFrom: "https://evil.example/k"))).Level);

    [Fact]
    public async Task EvaluateAsync_FragmentKeyOnIssuerOrigin_IsUnproven() =>
        Assert.Equal(BindingLevel.Unproven, (await Evaluate("https://a.example/i", "https://a.example/i#z6Mk", Key("https://a.example/i#z6Mk", source: KeySource.Fragment, servedFrom: "https://a.example/i"))).Level);

    [Fact]
    public async Task EvaluateAsync_DidKeyForUrlIssuer_IsUnproven() =>
        Assert.Equal(BindingLevel.Unproven, (await Evaluate("https://a.example/i", "did:key:z6Mk#z6Mk", Key("did:key:z6Mk#z6Mk", "did:key:z6Mk", true, KeySource.Computed))).Level);

    [Fact]
    public async Task EvaluateAsync_HeaderJwk_SaysAnyoneCouldHaveSigned()
    {
        var result = await Evaluate("https://a.example/i", null, Key("jwk-header", source: KeySource.Header));

        Assert.Equal(BindingLevel.Unproven, result.Level);
        Assert.Contains(IssuerBinding.AnyoneCouldHaveSigned, result.Message, StringComparison.Ordinal);
        Assert.False(result.IssuerKeyBound);
    }
}
