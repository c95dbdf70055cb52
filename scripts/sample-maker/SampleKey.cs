using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using NSec.Cryptography;
using SimpleBase;

namespace Verifier.SampleMaker;

/// <summary>
/// An Ed25519 key derived from a published label, so the samples can be made again byte for byte (Ed25519 signatures
/// are deterministic). Public by construction: anyone can sign as these issuers, which is why they are did:key and
/// did:jwk identities that name no real organisation — never trust them outside testing.
/// </summary>
internal sealed class SampleKey : IDisposable
{
    private readonly Key _key;

    public SampleKey(string label)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes("verifier-samples/" + label));
        _key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        PublicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public byte[] PublicKey { get; }

    /// <summary>did:key with the ed25519-pub multicodec prefix (0xed 0x01), base58btc.</summary>
    public string DidKey => "did:key:" + Multikey;

    /// <summary>The did:key's one verification method: the key fragment repeats the identifier (did:key §3.1.2).</summary>
    public string DidKeyMethod => DidKey + "#" + Multikey;

    /// <summary>did:jwk of the public JWK written in JCS member order (crv, kty, x).</summary>
    public string DidJwk => "did:jwk:" + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
        $$"""{"crv":"Ed25519","kty":"OKP","x":"{{Base64UrlEncoder.Encode(PublicKey)}}"}"""));

    /// <summary>did:jwk documents have exactly one key, #0 (did:jwk §2).</summary>
    public string DidJwkMethod => DidJwk + "#0";

    private string Multikey => "z" + Base58.Bitcoin.Encode([0xed, 0x01, .. PublicKey]);

    public byte[] Sign(byte[] data) => SignatureAlgorithm.Ed25519.Sign(_key, data);

    public void Dispose() => _key.Dispose();
}
