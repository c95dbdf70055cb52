using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Verifier.Core.Keys;

namespace Verifier.Core.OpenBadges2.Signed;

/// <summary>
/// RS256 verification with parsed keys cached by PEM text, so a hot issuer key is not re-parsed per badge.
/// RSA instances are not documented as thread-safe, so each cached key keeps a small pool of instances.
/// </summary>
internal sealed class RsaKeyCache
{
    private const int MaxKeys = 1024;
    private const int MaxPooledPerKey = 8;
    private readonly ConcurrentDictionary<string, Pool> _pools = new(StringComparer.Ordinal);

    /// <summary>Idle instances of one key: one lock-free slot for the common single-threaded case, a bag beyond.</summary>
    private sealed class Pool
    {
        public RSA? Idle;
        public readonly ConcurrentBag<RSA> More = [];
    }

    /// <summary>Checks that the PEM is a usable RSA public key; null when it is, else why not.</summary>
    public string? Validate(string pem)
    {
        var rsa = Rent(pem, out var error);
        if (rsa is null)
        {
            return error;
        }

        Return(pem, rsa);
        return null;
    }

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 over the JWS signing input (RFC 7518 §3.3).</summary>
    public bool VerifyRs256(string pem, CompactJws jws, out string? error)
    {
        var rsa = Rent(pem, out error);
        if (rsa is null)
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(jws.SigningInputLength);
        try
        {
            var length = Encoding.ASCII.GetBytes(jws.Text.AsSpan(0, jws.SigningInputLength), buffer);
            return rsa.VerifyData(buffer.AsSpan(0, length), jws.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Return(pem, rsa);
        }
    }

    private RSA? Rent(string pem, out string? error)
    {
        error = null;
        if (_pools.TryGetValue(pem, out var pool) && (Interlocked.Exchange(ref pool.Idle, null) ?? (pool.More.TryTake(out var more) ? more : null)) is { } pooled)
        {
            return pooled;
        }

        return Import(pem, out error);
    }

    private void Return(string pem, RSA rsa)
    {
        if (!_pools.TryGetValue(pem, out var pool))
        {
            // A bounded cache: under a flood of distinct keys, stop caching rather than grow without limit.
            if (_pools.Count >= MaxKeys)
            {
                rsa.Dispose();
                return;
            }

            pool = _pools.GetOrAdd(pem, static _ => new Pool());
        }

        if (Interlocked.CompareExchange(ref pool.Idle, rsa, null) is null)
        {
            return;
        }

        if (pool.More.Count < MaxPooledPerKey)
        {
            pool.More.Add(rsa);
        }
        else
        {
            rsa.Dispose();
        }
    }

    /// <summary>Only public-key PEM labels are accepted: a private key published by mistake is refused, not used.</summary>
    private static RSA? Import(string pem, out string? error)
    {
        error = null;
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            error = "publicKeyPem is not PEM text";
            return null;
        }

        var label = pem.AsSpan()[fields.Label];
        if (!label.SequenceEqual("PUBLIC KEY") && !label.SequenceEqual("RSA PUBLIC KEY"))
        {
            error = $"publicKeyPem holds a \"{label}\" block, not a PUBLIC KEY";
            return null;
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem.AsSpan(fields.Location));
            if (rsa.KeySize < 1024)
            {
                error = $"the RSA key is only {rsa.KeySize} bits";
                rsa.Dispose();
                return null;
            }

            if (KeyMaterial.IsRsaExponentTooLong(rsa.ExportParameters(false).Exponent))
            {
                error = KeyMaterial.RsaExponentTooLarge;
                rsa.Dispose();
                return null;
            }

            return rsa;
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            error = $"publicKeyPem is not an RSA public key ({e.Message})";
            return null;
        }
        catch (ArgumentException e)
        {
            rsa.Dispose();
            error = $"publicKeyPem is not an RSA public key ({e.Message})";
            return null;
        }
    }
}
