using System.Runtime.InteropServices;

namespace Verifier.Core.Registries;

/// <summary>
/// Recognises a fetched body seen before, so that a registry document is parsed, and a statement's signature
/// checked, once per version of its bytes rather than once per verification. What is kept depends on nothing but
/// those bytes and the configuration (docs/security.md rule 8); every use still checks times against the clock.
/// </summary>
internal static class SameBytes
{
    /// <summary>
    /// The bytes to remember: the body's own array when it is a whole array (the document cache hands out the same
    /// immutable array on every hit, so a hit is recognised by reference), else a copy.
    /// </summary>
    public static byte[] Keep(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : body.ToArray();

    public static bool Equal(byte[] kept, ReadOnlyMemory<byte> body)
    {
        if (MemoryMarshal.TryGetArray(body, out var segment) && ReferenceEquals(segment.Array, kept) && segment.Offset == 0 && segment.Count == kept.Length)
        {
            return true;
        }

        return body.Span.SequenceEqual(kept);
    }
}
