using System.Text.Json.Nodes;
using System.Text.Json;
using Verifier.Core.Input;
using Verifier.Core.OpenBadges2.Model;

namespace Verifier.Core.OpenBadges2.Checks;

/// <summary>
/// One structure finding: an error makes the node invalid, a warning does not. A <paramref name="Conformance"/> error
/// breaks a rule of the specification that changes nothing about what the badge proves (docs/checks/ob2.md): a
/// warning under the authenticity profile.
/// </summary>
internal sealed record StructureIssue(bool IsError, string Pointer, string Message, bool Conformance = false);

/// <summary>
/// Which properties of a class decide what a badge proves (docs/checks/ob2.md, column "class"): <c>essential</c>
/// always, <c>whenPresent</c> when the property is there (a date that is unreadable could hide anything; a missing
/// one hides nothing). Every other property's errors are conformance errors. Null classes: every error is essential.
/// </summary>
internal sealed record PropertyClasses(IReadOnlySet<string> Essential, IReadOnlySet<string> WhenPresent)
{
    /// <summary>Every error conformance (an embedded node under a conformance property, such as an image).</summary>
    public static readonly PropertyClasses AllConformance = new(new HashSet<string>(), new HashSet<string>());

    public bool IsEssential(string name, JsonObject node)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var property = slash < 0 ? name : name[..slash];
        return Essential.Contains(property) || (WhenPresent.Contains(property) && node[property] is not null);
    }
}

/// <summary>
/// Property rules of the OB 2.0 vocabulary (Open Badges Vocabulary tables and Primitive datatypes): presence of
/// required properties and the datatype of every declared one. Collects issues; never throws.
/// </summary>
internal sealed class StructureRules(JsonObject node, string pointer, PropertyClasses? classes = null)
{
    public List<StructureIssue> Issues { get; } = [];

    public JsonObject Node => node;

    public void Error(string name, string message) =>
        Issues.Add(new(true, Path(name), message, classes is not null && !classes.IsEssential(name, node)));

    public void Warning(string name, string message) => Issues.Add(new(false, Path(name), message));

    public string Path(string name) => name.Length == 0 ? pointer : $"{pointer}/{name}";

    public bool Require(string name)
    {
        if (node[name] is null)
        {
            Error(name, $"required property {name} is missing");
            return false;
        }

        return true;
    }

    public void Type(bool required, params string[] allowed)
    {
        var value = node["type"];
        if (value is null)
        {
            if (required)
            {
                Error("type", $"required property type is missing (expected {allowed[0]})");
            }

            return;
        }

        if (!JsonRead.HasType(node, allowed))
        {
            Error("type", $"type must include {string.Join(" or ", allowed)}");
        }
    }

    /// <summary>IRI: an absolute URI (http(s) for most platforms, urn:uuid allowed) — never a relative path.</summary>
    public void Iri(string name, bool required, bool many = false)
    {
        if (!Present(name, required))
        {
            return;
        }

        foreach (var item in Values(name, many))
        {
            if (!IsIri(item))
            {
                Error(name, $"{name} must be an IRI (absolute URI)");
            }
        }
    }

    /// <summary>URL: a fully qualified http or https URL.</summary>
    public void Url(string name, bool required)
    {
        if (!Present(name, required))
        {
            return;
        }

        if (!JsonRead.IsHttpUrl(JsonRead.String(node, name)))
        {
            Error(name, $"{name} must be an absolute http(s) URL");
        }
    }

    public void Text(string name, bool required, bool many = false)
    {
        if (!Present(name, required))
        {
            return;
        }

        foreach (var item in Values(name, many))
        {
            if (!JsonRead.IsString(item))
            {
                Error(name, $"{name} must be text (a JSON string)");
            }
        }
    }

    public void Boolean(string name, bool required)
    {
        if (Present(name, required) && JsonRead.Kind(node[name]) is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, $"{name} must be a JSON boolean");
        }
    }

    /// <summary>DateTime: ISO 8601 with time and zone (2.0 requires the zone; 1.x forms are upgraded before this).</summary>
    public void DateTime(string name, bool required)
    {
        if (!Present(name, required))
        {
            return;
        }

        var text = JsonRead.String(node, name);
        if (Ob2DateTime.Parse(text) is null)
        {
            Error(name, text is not null && Ob2DateTime.ParseLegacy(text) is not null
                ? $"{name} \"{text}\" must include a time and a time zone indicator (e.g. 2016-12-31T23:59:59Z)"
                : $"{name} must be an ISO 8601 date-time string with a time zone");
        }
    }

    /// <summary>"@id: Class": an IRI or an embedded object validated by <paramref name="embedded"/>.</summary>
    public void IdOrObject(string name, bool required, bool many, Action<StructureRules>? embedded)
    {
        if (!Present(name, required))
        {
            return;
        }

        var values = Values(name, many);
        for (var i = 0; i < values.Count; i++)
        {
            var item = values[i];
            if (item is JsonObject child)
            {
                if (embedded is not null)
                {
                    var childClasses = classes is null || classes.IsEssential(name, node) ? null : PropertyClasses.AllConformance;
                    var rules = new StructureRules(child, many && node[name] is JsonArray ? $"{Path(name)}/{i}" : Path(name), childClasses);
                    embedded(rules);
                    Issues.AddRange(rules.Issues);
                }
            }
            else if (!IsIri(item))
            {
                Error(name, $"{name} must be an IRI or an embedded object");
            }
        }
    }

    /// <summary>"Multiple values allowed": a single value or an array; anything else is an error.</summary>
    private List<JsonNode?> Values(string name, bool many)
    {
        var value = node[name];
        if (value is JsonArray array)
        {
            if (!many)
            {
                Error(name, $"{name} does not allow multiple values");
                return [];
            }

            return [.. array];
        }

        return [value];
    }

    private bool Present(string name, bool required) => required ? Require(name) : node[name] is not null;

    public static bool IsIri(JsonNode? value) => JsonRead.IsString(value) && IsIri(value!.GetValue<string>());

    public static bool IsIri(string text) => IriSyntax.IsIri(text);
}
