using Verifier.Core.OpenBadges2.Signed;

namespace Verifier.Core.Tests.OpenBadges2;

public class Ob2JwsTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.e30.")]
    [InlineData("WzFd.e30.")] // header is a JSON array
    public void TryParse_Malformed_ReturnsReason(string text)
    {
        Assert.Null(CompactJws.TryParse(text, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void TryParse_TooLong_IsRefusedBeforeDecoding()
    {
        Assert.Null(CompactJws.TryParse(new string('a', CompactJws.MaxLength + 1), out var error));
        Assert.Contains("longer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyRs256_SignedByKey_IsTrueAndTamperedIsFalse()
    {
        using var key = RSA.Create(2048);
        var jws = Ob2TestIssuer.Sign(Ob2TestIssuer.Assertion(signed: true), key);
        var cache = new RsaKeyCache();
        var pem = key.ExportSubjectPublicKeyInfoPem();

        Assert.True(cache.VerifyRs256(pem, CompactJws.TryParse(jws, out _)!, out _));
        Assert.True(cache.VerifyRs256(pem, CompactJws.TryParse(jws, out _)!, out _)); // served from the pool
        var tampered = jws[..^4] + (jws[^4] == 'A' ? "BAAA" : "AAAA");
        Assert.False(cache.VerifyRs256(pem, CompactJws.TryParse(tampered, out _)!, out var error));
        Assert.Null(error);
    }

    [Fact]
    public async Task VerifyRs256_ConcurrentCallers_AllVerify()
    {
        using var key = RSA.Create(2048);
        var jws = CompactJws.TryParse(Ob2TestIssuer.Sign(Ob2TestIssuer.Assertion(signed: true), key), out _)!;
        var cache = new RsaKeyCache();
        var pem = key.ExportSubjectPublicKeyInfoPem();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 50).All(_ => cache.VerifyRs256(pem, jws, out var error) && error is null))));

        Assert.All(results, Assert.True);
    }

    [Fact]
    public void Validate_PrivateKeyPem_IsRefused()
    {
        using var key = RSA.Create(2048);
        Assert.NotNull(new RsaKeyCache().Validate(key.ExportPkcs8PrivateKeyPem()));
    }

    [Fact]
    public void Validate_EcKey_IsRefused()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.NotNull(new RsaKeyCache().Validate(ec.ExportSubjectPublicKeyInfoPem()));
    }

    [Fact]
    public void Validate_RsaKeyWithAHugeExponent_IsRefused()
    {
        using var real = RSA.Create(2048);
        using var hostile = RSA.Create();
        var exponent = new byte[64];
        exponent[0] = 0x01;
        exponent[^1] = 0x01;
        hostile.ImportParameters(new RSAParameters { Modulus = real.ExportParameters(false).Modulus, Exponent = exponent });

        Assert.Contains("exponent", new RsaKeyCache().Validate(hostile.ExportSubjectPublicKeyInfoPem()), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RsaPublicKey_IsAccepted()
    {
        using var key = RSA.Create(2048);
        Assert.Null(new RsaKeyCache().Validate(key.ExportSubjectPublicKeyInfoPem()));
        Assert.Null(new RsaKeyCache().Validate(key.ExportRSAPublicKeyPem()));
    }
}
