using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Verifier.Core.Engine;
using Verifier.Core.Engine.Settings;
using Verifier.Storage;
using Xunit.Abstractions;

namespace Verifier.Hosts.Tests.Configuration;

/// <summary>
/// docs/configuration.md lists every setting: found by reflection over every options class (a public class with a
/// <c>SectionName</c> constant) in the engine, the HTTP layer and storage, so a setting added anywhere must be
/// documented, with its environment variable, its real default and its validated range.
/// </summary>
public sealed partial class ConfigurationTableTests(ITestOutputHelper output)
{
    private static readonly Assembly[] Assemblies = [typeof(VerifierOptions).Assembly, typeof(HttpOptions).Assembly, typeof(BlobCacheOptions).Assembly];

    [Fact]
    public void Table_EverySetting_IsDocumentedWithItsEnvironmentVariableDefaultAndRange()
    {
        var documented = DocumentedRows();
        var expected = Settings().ToList();
        var missing = expected.Where(s => !documented.TryGetValue(s.Key, out var row) || row != s.Row).ToList();

        foreach (var (key, row) in missing)
        {
            output.WriteLine($"expected: {row}   documented: {documented.GetValueOrDefault(key) ?? "(none)"}");
        }

        Assert.Empty(missing.Select(m => m.Key));
    }

    [Fact]
    public void Table_EveryRow_NamesARealSetting()
    {
        var keys = Settings().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var unknown = DocumentedRows().Keys.Where(k => !keys.Contains(k)).ToList();

        Assert.True(unknown.Count == 0, "documented but not a setting: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Discovery_FindsEveryOptionsClass()
    {
        var sections = OptionsClasses().Select(t => t.Section).ToList();

        Assert.Contains("Verifier", sections);
        Assert.Contains("Verifier:Http", sections);
        Assert.Contains("Verifier:Cache", sections);
        Assert.Contains("Verifier:DataIntegrity", sections);
        Assert.Contains("Verifier:Jobs", sections);
    }

    /// <summary>Every setting as its documented row: | `key` | `ENV` | `default` | range |.</summary>
    private static IEnumerable<(string Key, string Row)> Settings()
    {
        foreach (var (type, section) in OptionsClasses())
        {
            foreach (var setting in Walk(Activator.CreateInstance(type)!, section))
            {
                yield return setting;
            }
        }
    }

    private static IEnumerable<(string Key, string Row)> Walk(object instance, string path)
    {
        foreach (var property in SettingsReflection.Settings(instance.GetType()))
        {
            var key = path + ":" + property.Name;
            var value = property.GetValue(instance);
            if (SettingsReflection.IsSection(property.PropertyType))
            {
                foreach (var nested in Walk(value!, key))
                {
                    yield return nested;
                }

                continue;
            }

            var range = property.GetCustomAttribute<RangeAttribute>() is { } r ? $"{Show(r.Minimum)} – {Show(r.Maximum)}"
                : property.GetCustomAttribute<TimeSpanRangeAttribute>() is { } t ? $"{t.MinimumText} – {t.MaximumText}"
                : "";
            yield return (key, $"| `{key}` | `{key.Replace(":", "__", StringComparison.Ordinal)}` | {Default(value)} | {range} |");
        }
    }

    private static IEnumerable<(Type Type, string Section)> OptionsClasses() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true })
            .Select(x => (x.Type, (string)x.Field!.GetRawConstantValue()!))
            .OrderBy(x => x.Item2, StringComparer.Ordinal);

    private static string Default(object? value) => value switch
    {
        null => "unset",
        string s => $"`{s}`",
        bool b => b ? "`true`" : "`false`",
        Enum e => $"`{e.ToString().ToLowerInvariant()}`",
        IEnumerable e when !e.Cast<object>().Any() => "empty",
        _ => $"`{Show(value)}`",
    };

    private static string Show(object value) => value switch
    {
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        string s => s,
        IConvertible c => Convert.ToDecimal(c, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The rows of docs/configuration.md's settings table, by key (cells trimmed, the meaning column dropped).</summary>
    private static Dictionary<string, string> DocumentedRows()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "configuration.md")))
        {
            var cells = line.Split('|');
            if (cells.Length >= 7 && SettingCell().Match(cells[1].Trim()) is { Success: true } match)
            {
                rows[match.Groups[1].Value] = $"| {string.Join(" | ", cells[1..5].Select(c => c.Trim()))} |";
            }
        }

        return rows;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "docs", "security.md")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex("^`(Verifier:[A-Za-z0-9:]+)`$")]
    private static partial Regex SettingCell();
}
