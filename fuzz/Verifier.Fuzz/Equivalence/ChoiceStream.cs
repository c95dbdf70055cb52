namespace Verifier.Fuzz.Equivalence;

/// <summary>
/// The mutator's source of decisions: the fuzzer's input bytes, read one per choice (so AFL's byte flips steer
/// which rewrite lands where), or bytes from a seeded <see cref="Random"/> in the property test. Zero once exhausted.
/// </summary>
internal sealed class ChoiceStream(ReadOnlyMemory<byte> data)
{
    private int position;

    public int Next(int bound) => bound <= 1 || position >= data.Length ? 0 : data.Span[position++] % bound;
}
