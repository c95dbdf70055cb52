using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Verifier.Core.Engine.Settings;

public static class SettingsRegistration
{
    /// <summary>
    /// Binds an options class to its configuration section and validates it when the host starts
    /// (<c>ValidateOnStart</c>): a wrong value stops the host with a line naming the setting, instead of failing the
    /// first verification that reads it. docs/configuration.md says how to add a settings class.
    /// </summary>
    public static OptionsBuilder<TOptions> AddVerifierSettings<TOptions>(this IServiceCollection services, IConfiguration? configuration, string sectionName)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(sectionName));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(sectionName)));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// Runs every start-up validation now, for hosts without a generic host (the CLI). Throws
    /// <see cref="OptionsValidationException"/> (or the binder's <see cref="InvalidOperationException"/>) like a host would.
    /// </summary>
    public static void ValidateSettingsNow(this IServiceProvider services) =>
        services.GetService<IStartupValidator>()?.Validate();

    /// <summary>One line per problem, for a host that stops on bad settings: no stack trace, the keys to fix.</summary>
    public static IReadOnlyList<string> Describe(Exception exception) => exception switch
    {
        OptionsValidationException e => [.. e.Failures.Select(f => "invalid setting: " + f)],
        AggregateException a => [.. a.InnerExceptions.SelectMany(Describe)],
        InvalidOperationException e when e.Message.Contains("configuration value", StringComparison.Ordinal) => ["invalid setting: " + e.Message],
        _ => [],
    };
}
