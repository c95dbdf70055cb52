using SharpFuzz;
using Verifier.Fuzz;

// Usage:
//   Verifier.Fuzz <png|svg|jws|engine>          run one target under afl-fuzz (input on stdin / file from AFL)
//   Verifier.Fuzz seeds <dir>                   write the seed corpus for every target to <dir>/<target>/
//   Verifier.Fuzz replay <target> <file>...     run inputs once (use the uninstrumented build) and print failures
// The target may also come from the FUZZ_TARGET environment variable.
var mode = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("FUZZ_TARGET") ?? string.Empty;
switch (mode)
{
    case "seeds" when args.Length == 2:
        Seeds.Write(args[1]);
        return 0;
    case "replay" when args.Length >= 3:
        return Replay.Run(Targets.Get(args[1]), args[2..]);
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
