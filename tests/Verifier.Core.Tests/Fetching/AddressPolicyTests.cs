namespace Verifier.Core.Tests.Fetching;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82a::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void Refusal_PublicAddress_IsAllowed(string address)
    {
        Assert.Null(AddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.255.255.255", "private")]
    [InlineData("172.16.0.0", "private")]
    [InlineData("192.168.255.255", "private")]
    [InlineData("100.64.0.0", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("224.0.0.251", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("192.0.0.8", "IETF")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("::", "unspecified")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fd00:ec2::254", "unique local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:127.0.0.1", "mapped")]
    [InlineData("::ffff:10.0.0.1", "mapped")]
    [InlineData("::ffff:169.254.169.254", "mapped")]
    [InlineData("::10.0.0.1", "compatible")]
    [InlineData("::ffff:0:192.168.1.1", "translated")]
    [InlineData("64:ff9b::10.0.0.1", "NAT64")]
    [InlineData("64:ff9b::127.0.0.1", "NAT64")]
    [InlineData("64:ff9b:1::8.8.8.8", "local-use NAT64")]
    [InlineData("2002:c0a8:101::1", "6to4")]
    [InlineData("2002:7f00:1::1", "6to4")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("100::1", "discard")]
    public void Refusal_InternalAddress_IsRefusedWithReason(string address, string reason)
    {
        var refusal = AddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: false);

        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.9.9.9", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("fd00::1", false)]
    [InlineData("0.0.0.0", false)]
    public void Refusal_AllowLoopback_OpensPlainLoopbackOnly(string address, bool allowed)
    {
        Assert.Equal(allowed, AddressPolicy.Refusal(IPAddress.Parse(address), allowLoopback: true) is null);
    }
}
