using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Verifier.Core.Engine.Settings;

public static class SettingsRegistration
{
    /// <summary>What validation reads of a settings class: its constructor and its properties.</summary>
    internal const DynamicallyAccessedMemberTypes Settable = DynamicallyAccessedMemberTypes.PublicParameterlessConstructor | DynamicallyAccessedMemberTypes.PublicProperties;

    /// <summary>
    /// Registers an options class validated when the host starts (<c>ValidateOnStart</c>): a wrong value stops the
    /// host with a line naming the setting, instead of failing the first verification that reads it. The caller binds
    /// it — <c>.Bind(configuration.GetSection(…))</c> on the concrete type, so that the configuration binding generator
    /// writes the binding (obverify is Native AOT; a generic Bind here would fall back to reflection).
    /// docs/configuration.md says how to add a settings class.
    /// </summary>
    public static OptionsBuilder<TOptions> AddVerifierSettings<[DynamicallyAccessedMembers(Settable)] TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>();
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
