using SharpFuzz;
using Verifier.Fuzz;

// Usage:
//   Verifier.Fuzz <png|svg|jws|engine|jsonld|equivalence>   run one target under afl-fuzz (input on stdin / file from AFL)
//   Verifier.Fuzz seeds <dir>                   write the seed corpus for every target to <dir>/<target>/
//   Verifier.Fuzz replay <target> <file>...     run inputs once (use the uninstrumented build) and print failures
//   Verifier.Fuzz sweep <count> <seed> [off]    the equivalence property over <count> seeded random inputs, no AFL
//                                               ("off": without the plain-form audit, to count what it catches)
// The target may also come from the FUZZ_TARGET environment variable.
var mode = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("FUZZ_TARGET") ?? string.Empty;
switch (mode)
{
    case "seeds" when args.Length == 2:
        Seeds.Write(args[1]);
        return 0;
    case "replay" when args.Length >= 3:
        return Replay.Run(Targets.Get(args[1]), args[2..]);
    case "sweep" when args.Length >= 3:
        return await EquivalenceTarget.SweepAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), audit: args.Length < 4 || args[3] != "off");
    default:
        if (!Targets.Names.Contains(mode))
        {
            await Console.Error.WriteLineAsync($"usage: Verifier.Fuzz <{string.Join('|', Targets.Names)}> | seeds <dir> | replay <target> <file>...");
            return 2;
        }

        var target = Targets.Get(mode);
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            target(buffer.ToArray());
        });
        return 0;
}
