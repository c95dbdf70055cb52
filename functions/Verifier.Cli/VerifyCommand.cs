using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;
using Verifier.Core.Reporting;

namespace Verifier.Cli;

/// <summary><c>obverify verify &lt;file|url|-&gt;…</c>: verifies every input concurrently and writes one report per input.</summary>
internal static class VerifyCommand
{
    public static Command Create(TextReader stdin)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Badge files (PNG, SVG, JSON, JWS/JWT), directories (every badge file under them), quoted globs ('badges/**/*.png'), http(s) URLs, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var recipient = new Option<string?>("--recipient", "-r") { Description = "Expected earner: email, URL, telephone or DID." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit", "sarif");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the output to this file instead of standard output." };
        var strict = new Option<bool>("--strict") { Description = "Strict issuer-binding policy: only the issuer's own document or DID proves the issuer (origin-level proofs are errors)." };
        var lenient = new Option<bool>("--lenient") { Description = "Lenient issuer-binding policy: a consistent signature by a key nothing ties to the issuer is only a warning." };
        var at = new Option<string?>("--at") { Description = "Verify as of this ISO 8601 instant instead of now." };
        var conformance = new Option<bool>("--conformance") { Description = "Conformance profile: every specification MUST is an error and every SHOULD a warning (what an issuer's CI wants). By default conformance failures that change nothing about what a badge proves are warnings." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Show every check with its details (canonical forms, hashes)." };
        var requireKnown = new Option<bool>("--require-known-issuer") { Description = "An issuer that no configured issuer registry lists makes the badge invalid (check issuer.registry)." };
        var settings = EngineHost.SettingsOption();
        var image = new Option<bool>("--image") { Description = "Put the badge image in JSON reports as badge.imageData (a data: URI; remote PNG or SVG fetched and identified)." };
        at.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && Instants.ParseRequestInstant(r.Tokens[0].Value) is null)
            {
                r.AddError($"--at must be an ISO 8601 date-time such as 2025-01-31T12:00:00Z, not '{r.Tokens[0].Value}'");
            }
        });

        var extra = new ExtraOutputs();
        var command = new Command("verify", "Verify badges; exit 0 all valid, 1 any invalid, 2 usage error or unreadable input, 3 any indeterminate.")
        {
            inputs, recipient, format, output, strict, lenient, conformance, at, verbose, requireKnown, settings, image, extra.Reports, extra.Summary,
        };
        command.SetAction(async (parse, ct) =>
        {
            var asOf = Instants.ParseRequestInstant(parse.GetValue(at));
            if (parse.GetValue(strict) && parse.GetValue(lenient))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("obverify: --strict and --lenient cannot be used together").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            IssuerPolicy? policy = parse.GetValue(strict) ? IssuerPolicy.Strict : parse.GetValue(lenient) ? IssuerPolicy.Lenient : null;
            // Absent, the deployment's Verifier:RequireKnownIssuer setting applies (from --settings or the environment).
            var options = new RunOptions(parse.GetValue(recipient), policy, asOf, parse.GetValue(verbose), parse.GetValue(requireKnown) ? true : null, parse.GetValue(settings))
            {
                Profile = parse.GetValue(conformance) ? VerificationProfile.Conformance : null,
                Image = parse.GetValue(image),
            };
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var results = await VerifyAllAsync(InputExpander.Expand(parse.GetValue(inputs)!), options, stdin, stderr, ct).ConfigureAwait(false);

            foreach (var failed in results.Where(r => r.Report is null))
            {
                await stderr.WriteLineAsync($"obverify: {failed.Name}: {failed.Error}").ConfigureAwait(false);
            }

            var file = parse.GetValue(output);
            var writer = file is null ? stdout : new StreamWriter(file.FullName, append: false);
            try
            {
                await ReportWriters.WriteAsync(parse.GetValue(format)!, results, options.Verbose, writer).ConfigureAwait(false);
            }
            finally
            {
                if (file is not null)
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            await extra.WriteAsync(parse, results, options.Verbose).ConfigureAwait(false);
            return ExitCodes.For(results);
        });
        return command;
    }

    internal sealed record RunOptions(string? Recipient, IssuerPolicy? Policy, DateTimeOffset? At, bool Verbose, bool? RequireKnownIssuer = null, FileInfo? Settings = null)
    {
        /// <summary>--conformance; null uses Verifier__Profile (authenticity when unset).</summary>
        public VerificationProfile? Profile { get; init; }

        /// <summary>--image: the badge image in JSON reports as badge.imageData.</summary>
        public bool Image { get; init; }
    }

    private static async Task<IReadOnlyList<VerifiedInput>> VerifyAllAsync(List<InputExpander.Item> items, RunOptions options, TextReader stdin, TextWriter stderr, CancellationToken ct)
    {
        await using var services = EngineHost.Build(options.Settings);
        var verifier = services.GetRequiredService<BadgeVerifier>();
        var results = new VerifiedInput[items.Count];
        var progress = ProgressLine.For(stderr, items.Count);

        // Verifications mostly wait on the network, so run several per core; order of output follows the arguments.
        await Parallel.ForAsync(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 4, CancellationToken = ct }, async (i, token) =>
        {
            results[i] = await VerifyOneAsync(items[i], verifier, options, stdin, token).ConfigureAwait(false);
            progress.Advance();
        }).ConfigureAwait(false);
        progress.Clear();
        return results;
    }

    private static async Task<VerifiedInput> VerifyOneAsync(InputExpander.Item item, BadgeVerifier verifier, RunOptions options, TextReader stdin, CancellationToken ct)
    {
        if (item.Argument is null)
        {
            return new VerifiedInput(item.Name, null, item.Error);
        }

        var (input, error) = await InputLoader.LoadAsync(item.Argument, stdin, ct).ConfigureAwait(false);
        if (input is null)
        {
            return new VerifiedInput(item.Name, null, error);
        }

        var report = await verifier.VerifyAsync(
            new VerificationRequest
            {
                Input = input,
                InputName = item.Name,
                Recipient = options.Recipient,
                Policy = options.Policy,
                Profile = options.Profile,
                At = options.At,
                Verbose = options.Verbose,
                RequireKnownIssuer = options.RequireKnownIssuer,
                IncludeImage = options.Image,
            },
            ct).ConfigureAwait(false);
        return new VerifiedInput(item.Name, report, null);
    }
}
