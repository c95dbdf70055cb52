using System.IO.Compression;
using Verifier.Core.Status;

namespace Verifier.Core.Tests.Status;

public class BitstringTests
{
    [Fact]
    public void Value_IndexZero_IsMostSignificantBitOfFirstByte()
    {
        var (list, _) = Bitstring.Decode(Ob3Fixtures.EncodedList(16, 0, 9));

        Assert.Equal(1, list!.Value(0, 1));
        Assert.Equal(0, list.Value(1, 1));
        Assert.Equal(1, list.Value(9, 1));
        Assert.Null(list.Value(16, 1));
    }

    [Fact]
    public void Value_StatusSizeTwo_ReadsTwoBitEntries()
    {
        // bits 2 and 3 set → entry 1 (bits 2..3) = 0b11; bit 5 set → entry 2 (bits 4..5) = 0b01.
        var (list, _) = Bitstring.Decode(Ob3Fixtures.EncodedList(16, 2, 3, 5));

        Assert.Equal(0, list!.Value(0, 2));
        Assert.Equal(3, list.Value(1, 2));
        Assert.Equal(1, list.Value(2, 2));
    }

    [Fact]
    public void Decode_InflatesPastCap_IsRefused()
    {
        var (list, error) = Bitstring.Decode(Ob3Fixtures.EncodedList(8 * 4096), maxInflatedBytes: 1024);

        Assert.Null(list);
        Assert.Contains("inflates", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NotGzip_IsAnError()
    {
        var (list, error) = Bitstring.Decode("u" + Base64UrlEncoder.Encode("plain bytes"u8.ToArray()));

        Assert.Null(list);
        Assert.NotNull(error);
    }

    [Fact]
    public void Decode_StatusList2021WithoutMultibasePrefix_IsAccepted()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[] { 0x80, 0 });
        }

        var (list, _) = Bitstring.Decode(Convert.ToBase64String(buffer.ToArray()));

        Assert.Equal(1, list!.Value(0, 1));
    }
}
