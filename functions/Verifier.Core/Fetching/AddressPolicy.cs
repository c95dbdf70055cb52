using System.Net;
using System.Net.Sockets;

namespace Verifier.Core.Fetching;

/// <summary>
/// Decides which resolved addresses the fetcher may connect to. Badge URLs are chosen by strangers, so anything
/// that reaches inside the service's network (SSRF) is refused: private, loopback, link-local (cloud metadata
/// endpoints live at 169.254.169.254), multicast, unspecified, and IPv6 forms that embed such IPv4 addresses.
/// </summary>
public static class AddressPolicy
{
    /// <summary>Returns null when the address may be used, else the reason it may not.</summary>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return Refusal(address.MapToIPv4(), allowLoopback);
            }

            var b = address.GetAddressBytes();
            if (IPAddress.IPv6Loopback.Equals(address))
            {
                return allowLoopback ? null : "loopback address";
            }

            if (IPAddress.IPv6Any.Equals(address))
            {
                return "unspecified address";
            }

            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
            {
                return "link-local address";
            }

            if (address.IsIPv6Multicast)
            {
                return "multicast address";
            }

            if ((b[0] & 0xFE) == 0xFC)
            {
                return "private (unique local) address";
            }

            // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96, 64:ff9b:1::/48) embed an IPv4 address.
            if (IsZero(b, 0, 12) || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B))
            {
                var v4 = new IPAddress(b.AsSpan(12, 4));
                var inner = Refusal(v4, allowLoopback: false);
                return inner is null ? null : $"IPv6 form of a refused IPv4 address ({inner})";
            }

            // 6to4 (2002::/16) embeds an IPv4 address in bytes 2..5.
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                var inner = Refusal(new IPAddress(b.AsSpan(2, 4)), allowLoopback: false);
                return inner is null ? null : $"6to4 form of a refused IPv4 address ({inner})";
            }

            // Documentation (2001:db8::/32) and discard-only (100::/64) ranges are never real badge hosts.
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
            {
                return "documentation address";
            }

            return null;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return "unsupported address family";
        }

        var v = address.GetAddressBytes();
        return v[0] switch
        {
            0 => "unspecified address",
            10 => "private address",
            127 => allowLoopback ? null : "loopback address",
            100 when v[1] >= 64 && v[1] <= 127 => "shared (carrier-grade NAT) address",
            169 when v[1] == 254 => "link-local address",
            172 when v[1] >= 16 && v[1] <= 31 => "private address",
            192 when v[1] == 168 => "private address",
            192 when v[1] == 0 && v[2] == 0 => "IETF protocol assignment address",
            192 when v[1] == 0 && v[2] == 2 => "documentation address",
            198 when v[1] == 18 || v[1] == 19 => "benchmarking address",
            198 when v[1] == 51 && v[2] == 100 => "documentation address",
            203 when v[1] == 0 && v[2] == 113 => "documentation address",
            >= 224 and <= 239 => "multicast address",
            >= 240 => "reserved address",
            _ => null,
        };
    }

    private static bool IsZero(byte[] bytes, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (bytes[i] != 0)
            {
                return false;
            }
        }

        return true;
    }
}
