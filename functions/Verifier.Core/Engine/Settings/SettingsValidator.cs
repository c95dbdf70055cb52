using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Verifier.Core.Engine.Settings;

/// <summary>
/// Validates an options class and every options object it holds (<c>VerifierOptions.Fetch</c>, <c>.Contexts</c>…) with
/// their data annotations and <see cref="IValidatableObject"/>, naming each failure by its configuration key
/// (<c>Verifier:Fetch:Timeout</c>) so that the one line a host prints at start says which setting to fix. Any options
/// class gets this by being registered with <see cref="SettingsRegistration.AddVerifierSettings{TOptions}"/>.
/// </summary>
internal sealed class SettingsValidator<[DynamicallyAccessedMembers(SettingsRegistration.Settable)] TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Walk(options, sectionName, failures, depth: 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Nested sections are found from the runtime type. Every settings class is bound by the configuration binding
    // generator, whose code sets each of its properties, and the engine reads them, so trimming keeps the properties
    // and their validation attributes; a property nothing sets nor reads has nothing to validate.
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "Settings properties are referenced by the generated binder (see above).")]
    private static void Walk(object target, string path, List<string> failures, int depth)
    {
        foreach (var property in SettingsReflection.Settings(target.GetType()))
        {
            var key = path + ":" + property.Name;
            var value = property.GetValue(target);
            // The attributes are asked directly (DataAnnotations' Validator finds them by reflection over the type,
            // which is not trim-safe); the display name is given, so the context needs no reflection either.
            var context = new ValidationContext(target, key, serviceProvider: null, items: null) { MemberName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.GetValidationResult(value, context) is { } result && result != ValidationResult.Success)
                {
                    // "The field Verifier:Fetch:Timeout must be …" reads better without its first two words.
                    failures.Add($"{result.ErrorMessage?.Replace("The field ", "", StringComparison.Ordinal).TrimEnd('.')} (it is {Show(value)})");
                }
            }

            if (value is not null && depth < 4 && SettingsReflection.IsSection(property.PropertyType))
            {
                Walk(value, key, failures, depth + 1);
            }
        }

        if (target is IValidatableObject validatable)
        {
            // Cross-field rules name their keys relative to the section; prefix them with where the section sits.
            failures.AddRange(validatable.Validate(new ValidationContext(target, path, serviceProvider: null, items: null)).Select(r =>
                $"{path}:{string.Join(", " + path + ":", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }

    internal static string Show(object? value) => value switch
    {
        null => "unset",
        string s => $"'{s}'",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e => $"[{string.Join(", ", e.Cast<object?>().Select(Show))}]",
        _ => value.ToString() ?? "",
    };
}

/// <summary>How settings classes are read: the configuration test and the validator agree on what a setting is.</summary>
internal static class SettingsReflection
{
    /// <summary>The bindable settings of an options class: public properties with a public setter or a nested section.</summary>
    public static IEnumerable<PropertyInfo> Settings([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (p.SetMethod?.IsPublic == true || IsSection(p.PropertyType)));

    /// <summary>A nested options object of ours (bound as a sub-section), as opposed to a value or a collection.</summary>
    public static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type)
        && type.Namespace?.StartsWith("Verifier.", StringComparison.Ordinal) == true;
}
