using System.CommandLine;
using Verifier.Core.Baking;
using Verifier.Core.Trust;

namespace Verifier.Cli;

/// <summary><c>obverify bake IMAGE BADGE -o OUT</c>: writes IMAGE with BADGE (a JSON/JWS file, a URL, or - for stdin) baked in.</summary>
internal static class BakeCommand
{
    public static Command Create(TextReader stdin)
    {
        var image = new Argument<FileInfo>("image") { Description = "The PNG or SVG to bake into." };
        var badge = new Argument<string>("badge") { Description = "The badge: a JSON or JWS file, an http(s) URL, or - for standard input." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the baked image.", Required = true };
        var command = new Command("bake", "Bake a badge into an image; every other byte of the image is kept. Exit 0 baked, 1 not bakeable, 2 unreadable.")
        {
            image, badge, output,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var imageFile = parse.GetValue(image)!;
            var badgeArgument = parse.GetValue(badge)!;
            byte[] imageBytes;
            string payload;
            try
            {
                imageBytes = await File.ReadAllBytesAsync(imageFile.FullName, ct).ConfigureAwait(false);
                payload = badgeArgument == "-"
                    ? await stdin.ReadToEndAsync(ct).ConfigureAwait(false)
                    : WebIdentity.HttpUrl(badgeArgument) is { } url
                        ? url.AbsoluteUri
                        : await File.ReadAllTextAsync(badgeArgument, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"obverify: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            if (!BadgeBaker.TryBake(imageBytes, payload, out var baked, out var error))
            {
                await stderr.WriteLineAsync($"obverify: cannot bake: {error}").ConfigureAwait(false);
                return ExitCodes.AnyInvalid;
            }

            var target = parse.GetValue(output)!;
            try
            {
                await File.WriteAllBytesAsync(target.FullName, baked, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"obverify: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            return ExitCodes.AllValid;
        });
        return command;
    }
}
