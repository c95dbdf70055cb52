using System.Net;
using System.Net.Sockets;

namespace Verifier.Core.Fetching;

/// <summary>
/// Decides which addresses the fetcher may connect to. Badge URLs are chosen by strangers, so anything that reaches
/// inside the service's network (SSRF) is refused: private, loopback, link-local (cloud metadata endpoints live at
/// 169.254.169.254 and fd00:ec2::254), multicast, unspecified, reserved, and every IPv6 form that embeds an IPv4
/// address (mapped, compatible, NAT64, 6to4, Teredo). Ranges follow the IANA special-purpose registries (RFC 6890).
/// </summary>
internal static class AddressPolicy
{
    /// <summary>
    /// Returns null when the address may be used, else the reason it may not. <paramref name="allowLoopback"/> opens
    /// 127.0.0.0/8 and ::1 only: the same loopback spelled inside an IPv6 form stays refused.
    /// </summary>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => V4Refusal(address.GetAddressBytes(), allowLoopback),
            AddressFamily.InterNetworkV6 => V6Refusal(address, allowLoopback),
            _ => "unsupported address family",
        };
    }

    /// <summary>The one refusal that has a setting: loopback is closed in production and opened for local testing.</summary>
    public const string LoopbackRefusal = "loopback address";

    /// <summary>
    /// The refusal as a person reads it in a report: a refused loopback address names the setting that opens it, so
    /// someone testing against a local issuer learns what to set (and nobody else is told anything they could abuse:
    /// the setting is the deployer's, not the caller's).
    /// </summary>
    public static string Describe(string refusal) => refusal == LoopbackRefusal
        ? refusal + " (local testing only: set Verifier__Fetch__AllowLoopback=true)"
        : refusal;

    private static string? V4Refusal(ReadOnlySpan<byte> v, bool allowLoopback) => v[0] switch
    {
        0 => "unspecified (\"this network\") address",
        10 => "private address",
        127 => allowLoopback ? null : LoopbackRefusal,
        100 when v[1] >= 64 && v[1] <= 127 => "shared (carrier-grade NAT) address",
        169 when v[1] == 254 => "link-local address (cloud metadata endpoints live here)",
        172 when v[1] >= 16 && v[1] <= 31 => "private address",
        192 when v[1] == 168 => "private address",
        192 when v[1] == 0 && v[2] == 0 => "IETF protocol assignment address",
        192 when v[1] == 0 && v[2] == 2 => "documentation address",
        192 when v[1] == 88 && v[2] == 99 => "6to4 relay anycast address",
        198 when v[1] == 18 || v[1] == 19 => "benchmarking address",
        198 when v[1] == 51 && v[2] == 100 => "documentation address",
        203 when v[1] == 0 && v[2] == 113 => "documentation address",
        >= 224 and <= 239 => "multicast address",
        >= 240 => "reserved or broadcast address",
        _ => null,
    };

    private static string? V6Refusal(IPAddress address, bool allowLoopback)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);

        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return allowLoopback ? null : LoopbackRefusal;
        }

        if (IPAddress.IPv6Any.Equals(address))
        {
            return "unspecified address";
        }

        if (b[0] == 0xFF)
        {
            return "multicast address";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
        {
            return "link-local address";
        }

        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)
        {
            return "site-local address";
        }

        if ((b[0] & 0xFE) == 0xFC)
        {
            return "private (unique local) address";
        }

        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated) and ::ffff:0:a.b.c.d (SIIT translated) all
        // reach an IPv4 host; a dual-stack socket connects to it. Refused if the IPv4 address would be, loopback
        // included, so AllowLoopback opens exactly 127/8 and ::1.
        if (IsZero(b[..10]) && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)))
        {
            return Embedded(b.Slice(12, 4), "IPv4-mapped or -compatible");
        }

        if (IsZero(b[..8]) && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0)
        {
            return Embedded(b.Slice(12, 4), "IPv4-translated");
        }

        // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052) embeds the IPv4 address in the last 32 bits; the
        // local-use prefix 64:ff9b:1::/48 (RFC 8215) is by definition inside some operator's network.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            return b[4] == 0 && b[5] == 1 ? "local-use NAT64 address" : Embedded(b.Slice(12, 4), "NAT64");
        }

        // 6to4 (2002::/16) embeds an IPv4 address in bytes 2..5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Embedded(b.Slice(2, 4), "6to4");
        }

        if (b[0] == 0x20 && b[1] == 0x01)
        {
            // Teredo (2001::/32) hides an obfuscated IPv4 address; no badge host needs it.
            if (b[2] == 0 && b[3] == 0)
            {
                return "Teredo tunnel address";
            }

            if (b[2] == 0x0D && b[3] == 0xB8)
            {
                return "documentation address";
            }

            // 2001::/23 is IETF protocol assignments (ORCHID, benchmarking, AMT, ...): never badge hosts.
            if (b[2] < 0x02)
            {
                return "IETF protocol assignment address";
            }
        }

        // Discard-only prefix 100::/64 (RFC 6666).
        if (b[0] == 0x01 && IsZero(b[1..8]))
        {
            return "discard-only address";
        }

        return null;
    }

    private static string? Embedded(ReadOnlySpan<byte> v4, string form)
    {
        var inner = V4Refusal(v4, allowLoopback: false);
        return inner is null ? null : $"{form} IPv6 form of a refused IPv4 address ({inner})";
    }

    private static bool IsZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
