using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;

namespace Verifier.TestSupport;

/// <summary>
/// The public types of an assembly and their public and protected members, one line each, compared with a text file
/// committed beside the tests: a type made public (or a member changed) by accident shows up in review as a diff.
/// Used by the Core, LinkedData and Hosts tests.
/// </summary>
public static class PublicApiSnapshot
{
    /// <summary>Set to 1 to write the current surface into the snapshot file instead of comparing.</summary>
    public const string UpdateVariable = "VERIFIER_UPDATE_PUBLIC_API";

    /// <summary>Fails with the lines that differ unless <paramref name="assembly"/> matches the file.</summary>
    /// <param name="relativePath">The snapshot file, from the repository root (forward slashes).</param>
    public static void AssertMatches(Assembly assembly, string relativePath)
    {
        var actual = Render(assembly);
        var path = Path.Combine(RepositoryRoot(), relativePath);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        if (expected == actual)
        {
            return;
        }

        var removed = Entries(expected).Except(Entries(actual)).ToList();
        var added = Entries(actual).Except(Entries(expected)).ToList();
        var message = new StringBuilder()
            .AppendLine($"The public API of {assembly.GetName().Name} differs from {relativePath}.")
            .AppendLine("Make the new type or member internal, or, if it is meant to be public, update the file:")
            .AppendLine($"  {UpdateVariable}=1 dotnet test tests/{relativePath.Split('/')[1]} --filter PublicApi")
            .AppendLine("and commit it with the change. In the file, not in the assembly (-); in the assembly, not in the file (+):");
        foreach (var line in removed)
        {
            message.AppendLine($"- {line}");
        }

        foreach (var line in added)
        {
            message.AppendLine($"+ {line}");
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>Types sorted by full name, each followed by its members (indented, sorted).</summary>
    public static string Render(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            foreach (var member in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A member line with its type's header, so a diff line says where it belongs.</summary>
    private static IEnumerable<string> Entries(string snapshot)
    {
        var type = "";
        foreach (var line in snapshot.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith(' '))
            {
                yield return $"{type} :: {line.Trim()}";
            }
            else
            {
                type = line;
                yield return line;
            }
        }
    }

    private static string Header(Type type)
    {
        var kind = type.IsInterface ? "interface"
            : type.IsEnum ? "enum"
            : typeof(Delegate).IsAssignableFrom(type.BaseType) ? "delegate"
            : type.IsValueType ? (IsRecord(type) ? "record struct" : "struct")
            : IsRecord(type) ? "record"
            : "class";
        var modifiers = type.IsClass && type.IsAbstract && type.IsSealed ? "static "
            : type.IsClass && type.IsAbstract && !type.IsInterface ? "abstract "
            : type.IsClass && type.IsSealed && kind is "class" or "record" ? "sealed "
            : "";
        var bases = new List<string>();
        if (type.IsClass && type.BaseType is { } baseType && baseType != typeof(object) && kind != "delegate")
        {
            bases.Add(Name(baseType));
        }

        if (!type.IsEnum && kind != "delegate")
        {
            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Where(n => !n.StartsWith("IEquatable<", StringComparison.Ordinal) || !IsRecord(type)).Order(StringComparer.Ordinal));
        }

        var name = (type.Namespace is null ? "" : type.Namespace + ".") + Name(type);
        return $"{modifiers}{kind} {name}" + (bases.Count == 0 ? "" : " : " + string.Join(", ", bases));
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return field.Name;
            }

            yield break;
        }

        if (typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            yield return Signature(type.GetMethod("Invoke")!);
            yield break;
        }

        foreach (var member in type.GetMembers(declared))
        {
            if (member.Name.StartsWith('<') || member is Type)
            {
                continue;
            }

            var line = member switch
            {
                ConstructorInfo c when Visible(c) => Static(c) + "ctor(" + Parameters(c) + ")",
                MethodInfo m when Visible(m) && (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)) => Static(m) + Signature(m),
                PropertyInfo p when Accessors(p).Any(Visible) => Property(p),
                FieldInfo f when Visible(f) => (f.IsLiteral ? "const " : (f.IsStatic ? "static " : "") + (f.IsInitOnly ? "readonly " : "")) + Name(f.FieldType) + " " + f.Name,
                EventInfo e when e.AddMethod is { } add && Visible(add) => Static(add) + "event " + Name(e.EventHandlerType!) + " " + e.Name,
                _ => null,
            };
            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private static string Property(PropertyInfo property)
    {
        var getter = property.GetMethod is { } get && Visible(get) ? " get;" : "";
        var setter = property.SetMethod is { } set && Visible(set)
            ? set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? " init;" : " set;"
            : "";
        var indexer = property.GetIndexParameters() is { Length: > 0 } index
            ? "this[" + string.Join(", ", index.Select(p => Name(p.ParameterType))) + "]"
            : property.Name;
        return Static(Accessors(property).First()) + Name(property.PropertyType) + " " + indexer + " {" + getter + setter + " }";
    }

    private static IEnumerable<MethodInfo> Accessors(PropertyInfo property) =>
        new[] { property.GetMethod, property.SetMethod }.OfType<MethodInfo>();

    private static string Signature(MethodInfo method)
    {
        var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
        return Name(method.ReturnType) + " " + method.Name + generic + "(" + Parameters(method) + ")";
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p =>
            (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "") + Name(p.ParameterType) + (p.HasDefaultValue ? " = ..." : "")));

    private static string Static(MethodBase method) => method.IsStatic ? "static " : "";

    // Public, or protected where a derived type outside the assembly can see it.
    private static bool Visible(MethodBase method) =>
        method.IsPublic || ((method.IsFamily || method.IsFamilyOrAssembly) && !method.DeclaringType!.IsSealed);

    private static bool Visible(FieldInfo field) =>
        field.IsPublic || ((field.IsFamily || field.IsFamilyOrAssembly) && !field.DeclaringType!.IsSealed);

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    /// <summary>C#-like names: keywords for the built-in types, generic arguments, nested types as Outer.Inner.</summary>
    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer)
        {
            return Name(type.GetElementType()!) + "*";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var keyword = Type.GetTypeCode(type) switch
        {
            _ when type == typeof(object) => "object",
            _ when type == typeof(void) => "void",
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Char => "char",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.Single => "float",
            TypeCode.Double => "double",
            TypeCode.Decimal => "decimal",
            TypeCode.String => "string",
            _ => null,
        };
        if (keyword is not null && !type.IsEnum)
        {
            return keyword;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        // Generic arguments of a nested type include the outer type's; show only this type's own.
        var arguments = type.GetGenericArguments();
        var outer = type.IsNested && !type.IsGenericParameter ? type.DeclaringType!.GetGenericArguments().Length : 0;
        var own = arguments.Skip(outer).ToArray();
        if (own.Length > 0 && tick >= 0)
        {
            name += "<" + string.Join(", ", own.Select(Name)) + ">";
        }

        return type.IsNested && !type.IsGenericParameter ? Name(type.DeclaringType!) + "." + name : name;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verifier.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Verifier.sln not found above {AppContext.BaseDirectory}");
    }
}
