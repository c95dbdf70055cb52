using System.Text.Json;

namespace Verifier.Infra.Tests;

/// <summary>The ARM JSON compiled from infra/main.bicep, with every resource of every nested module flattened.</summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Instance = new(Compile);

    private CompiledTemplate(string json)
    {
        Json = json;
        Root = JsonDocument.Parse(json).RootElement;
        Resources = [.. Flatten(Root)];
    }

    public static CompiledTemplate Main => Instance.Value;

    public string Json { get; }

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Resources { get; }

    public IEnumerable<JsonElement> OfType(string type) =>
        Resources.Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public JsonElement Single(string type) => OfType(type).Single();

    private static CompiledTemplate Compile()
    {
        var (code, stdout, stderr) = BicepCli.Run("build", "main.bicep", "--stdout");
        if (code != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({code}): {stderr}");
        }

        return new CompiledTemplate(stdout);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // Templates use an array of resources, or an object keyed by symbolic name (languageVersion 2.0).
        var items = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
            : resources.EnumerateObject().Select(p => p.Value);
        foreach (var resource in items)
        {
            yield return resource;
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments"
                && resource.TryGetProperty("properties", out var props)
                && props.TryGetProperty("template", out var nested))
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
