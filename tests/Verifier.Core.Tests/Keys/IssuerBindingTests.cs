using Microsoft.IdentityModel.Tokens;
using Verifier.Core.Keys;

namespace Verifier.Core.Tests.Keys;

public class IssuerBindingUnitTests
{
    private static ResolvedKey Key(string id, string? controller = null, bool? listed = null) =>
        new() { Id = id, Kind = KeyKind.Ed25519, Jwk = new JsonWebKey(), Controller = controller, ListedForAssertion = listed };

    [Fact]
    public void Evaluate_IssMismatch_IsContradiction() =>
        Assert.Equal(IssuerBindingLevel.Contradiction, IssuerBinding.Evaluate("https://a.example/i", "https://a.example/k", Key("https://a.example/k"), jwtIssuer: "https://b.example/i").Level);

    [Fact]
    public void Evaluate_KeyDocumentControlledBySomeoneElse_IsContradiction() =>
        Assert.Equal(IssuerBindingLevel.Contradiction, IssuerBinding.Evaluate("https://a.example/i", "https://a.example/k", Key("https://a.example/k", "https://b.example/i")).Level);

    [Fact]
    public void Evaluate_SameOriginKey_IsBound() =>
        Assert.Equal(IssuerBindingLevel.Bound, IssuerBinding.Evaluate("https://a.example/i", "https://a.example/keys/1", Key("https://a.example/keys/1")).Level);

    [Fact]
    public void Evaluate_DidKeyForUrlIssuer_IsUnproven() =>
        Assert.Equal(IssuerBindingLevel.Unproven, IssuerBinding.Evaluate("https://a.example/i", "did:key:z6Mk#z6Mk", Key("did:key:z6Mk#z6Mk", "did:key:z6Mk", true)).Level);

    [Fact]
    public void Evaluate_HeaderJwk_SaysAnyoneCouldHaveSigned()
    {
        var result = IssuerBinding.Evaluate("https://a.example/i", null, null);

        Assert.Equal(IssuerBindingLevel.Unproven, result.Level);
        Assert.Contains(IssuerBinding.AnyoneCouldHaveSigned, result.Message, StringComparison.Ordinal);
        Assert.False(result.IssuerKeyBound);
    }
}
