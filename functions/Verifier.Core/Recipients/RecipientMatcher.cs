using System.Security.Cryptography;
using System.Text;

namespace Verifier.Core.Recipients;

// TEMPORARY minimal copy so the ob3 branch builds; the ob2 branch owns this file and its version replaces this one
// on merge (same signature).
public static class RecipientMatcher
{
    public static bool Matches(string expected, string identity, bool hashed, string? salt)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(identity);
        if (!hashed)
        {
            return string.Equals(expected.Trim(), identity.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        var dollar = identity.IndexOf('$', StringComparison.Ordinal);
        if (dollar < 0)
        {
            return false;
        }

        var input = Encoding.UTF8.GetBytes(expected.Trim() + salt);
        var digest = identity[..dollar].ToUpperInvariant() switch
        {
            "SHA256" => SHA256.HashData(input),
#pragma warning disable CA5351 // OB 2.0/3.0 allow md5 identity hashes; this compares, it does not protect.
            "MD5" => MD5.HashData(input),
#pragma warning restore CA5351
            _ => null,
        };
        return digest is not null && string.Equals(Convert.ToHexStringLower(digest), identity[(dollar + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
