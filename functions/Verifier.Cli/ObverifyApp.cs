using System.CommandLine;

namespace Verifier.Cli;

/// <summary>The <c>obverify</c> command tree. Parse errors exit 2 (System.CommandLine's default would be 1, which means "invalid badge" here).</summary>
public static class ObverifyApp
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("obverify — verify Open Badges 0.5–3.0 and CLR 2.0: baked PNG/SVG images, JSON, JWS/JWT, or URLs.")
        {
            VerifyCommand.Create(stdin),
            UnbakeCommand.Create(),
            BakeCommand.Create(stdin),
            ContextsCommand.Create(),
            RegistriesCommand.Create(),
        };
        CliSettings.AddToHelp(root);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"obverify: {error.Message}").ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run 'obverify --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrUnreadable;
        }

        // A crash must not look like a verdict (System.CommandLine would exit 1, "invalid"): report it and exit 2.
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config).ConfigureAwait(false);
        }
        catch (Exception e) when (Core.Engine.Settings.SettingsRegistration.Describe(e) is { Count: > 0 } problems)
        {
            // A wrong setting is a usage error: one line per setting to fix, no stack trace.
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync($"obverify: {problem}").ConfigureAwait(false);
            }

            return ExitCodes.UsageOrUnreadable;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await stderr.WriteLineAsync($"obverify: internal error: {e}").ConfigureAwait(false);
            return ExitCodes.UsageOrUnreadable;
        }
    }
}
