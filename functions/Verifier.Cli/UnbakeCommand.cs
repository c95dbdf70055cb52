using System.CommandLine;
using Verifier.Core.Baking;

namespace Verifier.Cli;

/// <summary><c>obverify unbake FILE</c>: prints the payload baked into a PNG or SVG; where it was found goes to standard error.</summary>
internal static class UnbakeCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A baked PNG or SVG image." };
        var command = new Command("unbake", "Print the badge payload baked into an image; exit 0 found, 1 none or malformed, 2 unreadable.") { file };
        command.SetAction(async (parse, ct) =>
        {
            var info = parse.GetValue(file)!;
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(info.FullName, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"obverify: {info}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            var result = BadgeUnbaker.Unbake(bytes);
            foreach (var warning in result.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            if (result.Status != UnbakeStatus.Found)
            {
                await stderr.WriteLineAsync($"obverify: {info}: {result.Error ?? "no badge is baked into this image"}").ConfigureAwait(false);
                return ExitCodes.AnyInvalid;
            }

            await stderr.WriteLineAsync($"found at {result.Location}").ConfigureAwait(false);
            await stdout.WriteLineAsync(result.Payload).ConfigureAwait(false);
            return ExitCodes.AllValid;
        });
        return command;
    }
}
