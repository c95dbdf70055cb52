using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Verifier.Core.Engine;

namespace Verifier.Cli;

/// <summary>
/// The engine with configuration from an optional settings file (the hosts' appsettings.json layout, e.g. a
/// "Verifier:Registries" list) and the environment (Verifier__Fetch__AllowLoopback, Verifier__Contexts__Path, …),
/// the environment winning.
/// </summary>
internal static class EngineHost
{
    public static ServiceProvider Build(FileInfo? settings = null)
    {
        var builder = new ConfigurationBuilder();
        if (settings is not null)
        {
            builder.AddJsonFile(settings.FullName, optional: false, reloadOnChange: false);
        }

        var configuration = builder.AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddVerifierEngine(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>The --settings option shared by the commands that verify or look up issuers.</summary>
    public static Option<FileInfo> SettingsOption()
    {
        var option = new Option<FileInfo>("--settings")
        {
            Description = "A JSON settings file in the hosts' appsettings.json layout ({\"Verifier\": {…}}), e.g. with Verifier:Registries.",
        };
        option.AcceptExistingOnly();
        return option;
    }
}
