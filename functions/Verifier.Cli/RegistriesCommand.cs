using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Registries;

namespace Verifier.Cli;

/// <summary>
/// <c>obverify registries check ID</c>: asks every configured issuer registry about a DID (or, for local registries,
/// an https issuer URL) and prints each answer — for operators setting up Verifier:Registries. Exit 0 listed in at
/// least one, 1 listed in none, 3 listed in none while some registry could not be asked, 2 usage (nothing configured).
/// </summary>
internal static class RegistriesCommand
{
    public static Command Create()
    {
        var identity = new Argument<string>("id") { Description = "The issuer's DID (did:key:…, did:web:…) or, for local registries, its https URL." };
        var settings = EngineHost.SettingsOption();
        var check = new Command("check", "Print where an issuer is listed in the configured registries, in order of authority.") { identity, settings };
        check.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var text = parse.GetValue(identity)!;
            if (RegistryIdentity.Normalize(text) is not { } id)
            {
                await stderr.WriteLineAsync($"obverify: {text} is neither a DID nor an http(s) URL").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            ServiceProvider services;
            try
            {
                services = EngineHost.Build(parse.GetValue(settings));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or FormatException or InvalidOperationException)
            {
                await stderr.WriteLineAsync($"obverify: the settings could not be read: {e.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrUnreadable;
            }

            await using (services.ConfigureAwait(false))
            {
                var registries = services.GetRequiredService<IssuerRegistries>();
                if (registries.All.Count == 0)
                {
                    await stderr.WriteLineAsync("obverify: no issuer registries are configured (Verifier:Registries in --settings FILE, or Verifier__Registries__0__Name=… in the environment)").ConfigureAwait(false);
                    return ExitCodes.UsageOrUnreadable;
                }

                var lookup = await registries.LookUpAsync(id, ct).ConfigureAwait(false);
                await WriteAsync(stdout, registries, lookup).ConfigureAwait(false);
                return lookup.KnownIn.Count > 0 ? ExitCodes.AllValid
                    : lookup.Unchecked.Count > 0 ? ExitCodes.AnyIndeterminate
                    : ExitCodes.AnyInvalid;
            }
        });
        return new Command("registries", "Issuer registries: lists of issuers a governance body or the deployment vouches for.") { check };
    }

    private static async Task WriteAsync(TextWriter stdout, IssuerRegistries registries, RegistryLookup lookup)
    {
        await stdout.WriteLineAsync(lookup.Identity.Value).ConfigureAwait(false);
        foreach (var registry in registries.All)
        {
            var answer = lookup.Answers.FirstOrDefault(a => a.Registry == registry.Name);
            var line = answer.Registry is null
                ? "not asked (it lists DIDs only)"
                : answer.Answer.Status switch
                {
                    RegistryStatus.Listed => Listed(answer.Answer.Listing!),
                    RegistryStatus.NotListed => answer.Answer.Note is null ? "not listed" : $"not listed: {answer.Answer.Note}",
                    _ => $"UNCHECKED: {answer.Answer.Note}",
                };
            await stdout.WriteLineAsync($"  {registry.Name} ({registry.Type}): {line}").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync(lookup.KnownIn.Count > 0
            ? $"known as \"{lookup.KnownIn[0].Name}\" (from {lookup.KnownIn[0].Registry}, the first registry that lists it)"
            : "not in any configured registry" + (lookup.Unchecked.Count > 0 ? " that could be asked" : string.Empty)).ConfigureAwait(false);
    }

    private static string Listed(RegistryListing listing)
    {
        var extra = new[] { listing.Url, listing.LegalName is null ? null : "legal name: " + listing.LegalName }.Where(x => x is not null);
        return $"listed as \"{listing.Name}\"" + (extra.Any() ? $" ({string.Join("; ", extra)})" : string.Empty);
    }
}
