using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Verifier.Cli;

/// <summary>
/// The settings obverify reads from the environment (configuration section "Verifier", ':' written as "__"), listed
/// under --help: the two a newcomer needs offline, then the ones a CI job tunes. A test binds each name to the
/// engine's options, so the list cannot name a setting that does nothing.
/// </summary>
internal static class CliSettings
{
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        ("Verifier__Fetch__AllowLoopback=true", "fetch from 127.0.0.1 / localhost (testing against a local issuer only)"),
        ("Verifier__Contexts__Path=DIR", "pinned JSON-LD contexts folder, for RDFC proofs offline (make it with: obverify contexts pull DIR)"),
        ("Verifier__Policy=default|strict|lenient", "issuer-binding policy (same as --strict / --lenient)"),
        ("Verifier__RequestDeadline=00:00:10", "time limit of one verification"),
        ("Verifier__ClockSkew=00:05:00", "allowed clock difference when comparing dates"),
        ("Verifier__Fetch__Timeout=00:00:08", "time limit of one fetch attempt"),
        ("Verifier__Fetch__RetryCount=2", "retries after a network failure or 5xx"),
        ("Verifier__Fetch__MaxFetchesPerVerification=100", "fetches one badge may cause"),
        ("Verifier__Fetch__HostMap__HOST=http://127.0.0.1:PORT", "send requests for HOST to a local server (tests; needs AllowLoopback)"),
    ];

    /// <summary>Adds the settings section after the usual help of every command.</summary>
    public static void AddToHelp(Command root)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is { } original)
            {
                help.Action = new WithSettings(original);
            }
        }
    }

    public static void Write(TextWriter output)
    {
        output.WriteLine("Settings (environment variables):");
        var width = All.Max(s => s.Name.Length);
        foreach (var (name, meaning) in All)
        {
            output.WriteLine($"  {name.PadRight(width)}  {meaning}");
        }

        output.WriteLine();
    }

    private sealed class WithSettings(CommandLineAction original) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = original is SynchronousCommandLineAction sync ? sync.Invoke(parseResult) : 0;
            Write(parseResult.InvocationConfiguration.Output);
            return code;
        }
    }
}
